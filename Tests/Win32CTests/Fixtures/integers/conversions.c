#include <windows.h>
#include <stdio.h>

int main(void) {
    long long big = 0x123456789ALL;
    int trunc = (int)big;
    printf("%d\n", trunc);
    short s = (short)0x18000;
    printf("%d\n", s);
    char c = (char)0xFF;
    printf("%d\n", c);
    int neg = -2;
    long long widened = neg;
    printf("%lld\n", widened);
    unsigned int u = (unsigned int)neg;
    long long uw = u;
    printf("%lld\n", uw);
    BYTE b = (BYTE)0x1FF;
    printf("%u\n", b);
    return 0;
}
// expect: 878082202
// expect: -32768
// expect: -1
// expect: -2
// expect: 4294967294
// expect: 255
