#include <windows.h>
#include <stdio.h>

int main(void) {
    unsigned int a = 0xF0F0u, b = 0x0FF0u;
    printf("%X %X %X\n", a & b, a | b, a ^ b);
    printf("%X\n", ~a);
    printf("%d\n", ~0);
    printf("%d\n", ~5);
    DWORD flags = 0x1 | 0x4 | 0x10;
    printf("%lu %d\n", flags, (flags & 0x4) != 0);
    return 0;
}
// expect: F0 FFF0 FF00
// expect: FFFF0F0F
// expect: -1
// expect: -6
// expect: 21 1
