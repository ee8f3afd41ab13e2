#include <windows.h>
#include <stdio.h>

int main(void) {
    unsigned long ul = 4294967295UL;
    ul = ul + 1;
    printf("%lu\n", ul);
    long l = 2147483647L;
    printf("%ld\n", l);
    ULONG big = 0x12345678;
    big <<= 8;
    printf("%lX\n", big);
    LONG neg = -1;
    printf("%lu\n", (ULONG)neg);
    return 0;
}
// expect: 0
// expect: 2147483647
// expect: 34567800
// expect: 4294967295
