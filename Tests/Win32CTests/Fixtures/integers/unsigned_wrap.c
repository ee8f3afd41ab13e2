#include <windows.h>
#include <stdio.h>

int main(void) {
    unsigned int u = 0;
    u--;
    printf("%u\n", u);
    u++;
    printf("%u\n", u);
    DWORD d = 0xFFFFFFFF;
    d += 2;
    printf("%lu\n", d);
    unsigned char b = 250;
    b += 10;
    printf("%d\n", b);
    WORD w = 65535;
    w++;
    printf("%d\n", w);
    ULONGLONG q = 0;
    q -= 1;
    printf("%llu\n", q);
    return 0;
}
// expect: 4294967295
// expect: 0
// expect: 1
// expect: 4
// expect: 0
// expect: 18446744073709551615
