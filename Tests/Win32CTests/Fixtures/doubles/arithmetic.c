#include <stdio.h>

int main(void) {
    double a = 7.5, b = 2.0;
    printf("%f %f %f %f\n", a + b, a - b, a * b, a / b);
    printf("%f\n", -a);
    double c = 1.0 / 3.0;
    printf("%.6f\n", c);
    printf("%.3f\n", 0.1 + 0.2);
    return 0;
}
// expect: 9.500000 5.500000 15.000000 3.750000
// expect: -7.500000
// expect: 0.333333
// expect: 0.300
