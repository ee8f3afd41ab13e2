#include <windows.h>
#include <stdio.h>

int main(void) {
    long l = -123456L;
    unsigned long ul = 4000000000UL;
    long long ll = -9876543210LL;
    unsigned long long ull = 12345678901234567890ULL;
    printf("%ld %lu\n", l, ul);
    printf("%lld %llu\n", ll, ull);
    printf("%I64d %I64u\n", ll, ull);
    DWORD d = 997;
    printf("%lu\n", d);
    return 0;
}
// expect: -123456 4000000000
// expect: -9876543210 12345678901234567890
// expect: -9876543210 12345678901234567890
// expect: 997
