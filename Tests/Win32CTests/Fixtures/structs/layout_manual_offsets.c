#include <windows.h>
#include <stdio.h>

typedef struct {
    BYTE tag;
    LONGLONG big;
    WORD w;
    DWORD d;
} MIXED;

int main(void) {
    MIXED m;
    BYTE *base = (BYTE *)&m;
    printf("%d\n", (int)sizeof(MIXED));
    printf("%d %d %d\n", (int)((BYTE *)&m.big - base), (int)((BYTE *)&m.w - base), (int)((BYTE *)&m.d - base));
    return 0;
}
// expect: 24
// expect: 8 16 20
