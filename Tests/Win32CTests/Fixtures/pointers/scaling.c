#include <windows.h>
#include <stdio.h>

int main(void) {
    char buf[64];
    char *c = buf;
    short *s = (short *)buf;
    DWORD *d = (DWORD *)buf;
    ULONGLONG *q = (ULONGLONG *)buf;
    printf("%d %d %d %d\n", (int)((char *)(c + 1) - buf), (int)((char *)(s + 1) - buf),
           (int)((char *)(d + 1) - buf), (int)((char *)(q + 1) - buf));
    OVERLAPPED ov[2];
    printf("%d\n", (int)((BYTE *)&ov[1] - (BYTE *)&ov[0]));
    return 0;
}
// expect: 1 2 4 8
// expect: 32
