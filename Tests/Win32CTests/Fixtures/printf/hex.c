#include <windows.h>
#include <stdio.h>

int main(void) {
    printf("%x %X\n", 255, 255);
    printf("%x\n", 0xDEADBEEF);
    printf("%08X\n", 0xC0000011);
    printf("%lx %lX\n", 0xabcdefUL, 0xabcdefUL);
    printf("%llx\n", 0x123456789abcdefULL);
    printf("0x%04x\n", 0x1f);
    return 0;
}
// expect: ff FF
// expect: deadbeef
// expect: C0000011
// expect: abcdef ABCDEF
// expect: 123456789abcdef
// expect: 0x001f
