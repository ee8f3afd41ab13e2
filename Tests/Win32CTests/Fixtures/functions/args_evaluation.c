#include <windows.h>
#include <stdio.h>

int sum6(int a, int b, int c, int d, int e, int f) {
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f;
}

LONGLONG mix(char c, short s, LONGLONG q, DWORD d, BYTE b) {
    return c + s + q + d + b;
}

int main(void) {
    printf("%d\n", sum6(1, 1, 1, 1, 1, 1));
    printf("%lld\n", mix(-1, -2, 10000000000LL, 5, 255));
    return 0;
}
// expect: 21
// expect: 10000000257
