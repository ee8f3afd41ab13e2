#include <windows.h>
#include <stdio.h>

typedef struct _IOREQ {
    OVERLAPPED ov;
    DWORD index;
    BYTE *buffer;
} IOREQ, *PIOREQ;

typedef unsigned int COUNT;
typedef PIOREQ REQPTR;

int main(void) {
    IOREQ r = {0};
    PIOREQ p = &r;
    REQPTR q = p;
    struct _IOREQ *s = q;
    s->index = 3;
    COUNT c = 9;
    printf("%lu %u\n", r.index, c);
    printf("%d\n", (int)sizeof(IOREQ));
    printf("%d\n", (int)sizeof(PIOREQ));
    return 0;
}
// expect: 3 9
// expect: 48
// expect: 8
