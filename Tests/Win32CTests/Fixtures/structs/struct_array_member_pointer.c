#include <windows.h>
#include <stdio.h>

typedef struct { BYTE data[16]; DWORD used; } BUF;

void append(BUF *b, BYTE v) {
    b->data[b->used++] = v;
}

int main(void) {
    BUF b = {0};
    for (int i = 0; i < 5; i++) append(&b, (BYTE)(i * 3));
    printf("%lu %d %d\n", b.used, b.data[4], b.data[5]);
    BYTE *p = b.data;
    printf("%d\n", p[2]);
    return 0;
}
// expect: 5 12 0
// expect: 6
