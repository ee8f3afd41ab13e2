#include <stdio.h>

int main(void) {
    unsigned int u = 10;
    int i = -20;
    printf("%u\n", u + i);
    printf("%d\n", (int)(u + i));
    long long ll = u + i;
    printf("%lld\n", ll);
    long long ll2 = (long long)u + i;
    printf("%lld\n", ll2);
    unsigned long long big = 5;
    printf("%llu\n", big - 10);
    return 0;
}
// expect: 4294967286
// expect: -10
// expect: 4294967286
// expect: -10
// expect: 18446744073709551611
