#include <stdio.h>

double average(const int *v, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += v[i];
    return s / n;
}

int main(void) {
    int v[5] = {3, 4, 5, 6, 8};
    printf("%.2f\n", average(v, 5));
    double x = 1.0;
    for (int i = 0; i < 10; i++) x *= 2;
    printf("%.1f\n", x);
    double pct = 100.0 * 37 / 40;
    printf("%.1f%%\n", pct);
    return 0;
}
// expect: 5.20
// expect: 1024.0
// expect: 92.5%
