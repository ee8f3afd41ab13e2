#include <windows.h>
#include <stdio.h>

int main(void) {
    int s = -256;
    unsigned int u = (unsigned int)-256;
    printf("%d\n", s >> 4);
    printf("%u\n", u >> 4);
    DWORD hi = 0xABCD1234;
    printf("%lX %lX\n", hi >> 16, hi & 0xFFFF);
    ULONGLONG q = 0x1122334455667788ULL;
    printf("%llX\n", q >> 32);
    printf("%X\n", (DWORD)q);
    return 0;
}
// expect: -16
// expect: 268435440
// expect: ABCD 1234
// expect: 11223344
// expect: 55667788
