#include <windows.h>
#include <stdio.h>

BOOL divide(int a, int b, int *quot, int *rem) {
    if (b == 0) return FALSE;
    *quot = a / b;
    *rem = a % b;
    return TRUE;
}

int main(void) {
    int q = 0, r = 0;
    if (divide(47, 6, &q, &r)) printf("%d r %d\n", q, r);
    if (!divide(1, 0, &q, &r)) printf("refused\n");
    DWORD n = 0;
    LPDWORD pn = &n;
    *pn = 123;
    printf("%lu\n", n);
    return 0;
}
// expect: 7 r 5
// expect: refused
// expect: 123
