#include <stdio.h>

int main(void) {
    double d = 3.14159;
    printf("%f\n", d);
    printf("%.2f\n", d);
    printf("%.0f\n", 2.5);
    printf("%8.3f|\n", -1.5);
    printf("%-8.1f|\n", 10.25);
    printf("%08.2f\n", 3.5);
    printf("%f\n", 0.0);
    return 0;
}
// expect: 3.141590
// expect: 3.14
// expect: 2
// expect:   -1.500|
// expect: 10.2    |
// expect: 00003.50
// expect: 0.000000
