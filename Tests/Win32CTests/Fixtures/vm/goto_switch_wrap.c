#include <windows.h>
#include <stdio.h>

int main(void) {
    int i = 0, hits = 0;
again:
    switch (i) {
    case 0: hits += 1;
    case 1: hits += 10; break;
    default: hits += 100;
    }
    if (++i < 3) goto again;
    unsigned char c = 250;
    c += 10;
    DWORD d = 0;
    d--;
    short s = 32767;
    s++;
    printf("%d %u %lu %d %d\n", hits, c, d, s, -7 / 2);
    return hits & 0xFF;
}
// expect: 121 4 4294967295 -32768 -3
// exit: 121
