#include <windows.h>
#include <stdio.h>

int main(void) {
    DWORD v = 0x11223344;
    BYTE *b = (BYTE *)&v;
    printf("%02X %02X %02X %02X\n", b[0], b[1], b[2], b[3]);
    b[0] = 0xFF;
    printf("%08lX\n", v);
    WORD *w = (WORD *)&v;
    printf("%04X\n", w[1]);
    return 0;
}
// expect: 44 33 22 11
// expect: 112233FF
// expect: 1122
