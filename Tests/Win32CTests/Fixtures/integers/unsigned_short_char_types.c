#include <windows.h>
#include <stdio.h>

int main(void) {
    signed char sc = -128;
    sc--;
    printf("%d\n", sc);
    unsigned short us = 0;
    us -= 1;
    printf("%u\n", us);
    USHORT port = 8080;
    UCHAR octet = 192;
    printf("%u %u\n", port, octet);
    short neg = -1;
    unsigned short asu = neg;
    printf("%u\n", asu);
    return 0;
}
// expect: 127
// expect: 65535
// expect: 8080 192
// expect: 65535
