#include <stdio.h>

int main(void) {
    printf("%d %d\n", 7 / 2, 7 % 2);
    printf("%d %d\n", -7 / 2, -7 % 2);
    printf("%d %d\n", 7 / -2, 7 % -2);
    printf("%d %d\n", -7 / -2, -7 % -2);
    printf("%u\n", 7u / 2u);
    printf("%u\n", (unsigned)-7 / 2u);
    long long big = -9000000000LL;
    printf("%lld %lld\n", big / 7, big % 7);
    return 0;
}
// expect: 3 1
// expect: -3 -1
// expect: -3 1
// expect: 3 -1
// expect: 3
// expect: 2147483644
// expect: -1285714285 -5
