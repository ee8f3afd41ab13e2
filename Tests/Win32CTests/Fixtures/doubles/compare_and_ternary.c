#include <stdio.h>

int main(void) {
    double a = 0.5, b = 0.25;
    printf("%d %d %d\n", a > b, a == b * 2, a != b);
    double m = a < b ? a : b;
    printf("%f\n", m);
    if (b) printf("nonzero\n");
    return 0;
}
// expect: 1 1 1
// expect: 0.250000
// expect: nonzero
