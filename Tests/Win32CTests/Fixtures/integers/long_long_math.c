#include <windows.h>
#include <stdio.h>

int main(void) {
    LONGLONG a = 1000000LL * 1000000LL;
    printf("%lld\n", a);
    ULONGLONG b = 0xFFFFFFFFull + 1;
    printf("%llu\n", b);
    int i = 100000;
    long long wrong = i * i;
    long long right = (long long)i * i;
    printf("%lld %lld\n", wrong, right);
    printf("%I64d %I64u\n", -a, b * 3);
    return 0;
}
// expect: 1000000000000
// expect: 4294967296
// expect: 1410065408 10000000000
// expect: -1000000000000 12884901888
