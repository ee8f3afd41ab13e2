#include <windows.h>
#include <stdio.h>

int main(void) {
    OVERLAPPED o;
    BYTE *base = (BYTE *)&o;
    printf("size %d\n", (int)sizeof(OVERLAPPED));
    printf("Internal %d\n", (int)((BYTE *)&o.Internal - base));
    printf("InternalHigh %d\n", (int)((BYTE *)&o.InternalHigh - base));
    printf("Offset %d\n", (int)((BYTE *)&o.Offset - base));
    printf("OffsetHigh %d\n", (int)((BYTE *)&o.OffsetHigh - base));
    printf("hEvent %d\n", (int)((BYTE *)&o.hEvent - base));
    printf("%d %d\n", (int)sizeof(o.Internal), (int)sizeof(o.Offset));
    printf("%d\n", (int)sizeof(LPOVERLAPPED));
    return 0;
}
// expect: size 32
// expect: Internal 0
// expect: InternalHigh 8
// expect: Offset 16
// expect: OffsetHigh 20
// expect: hEvent 24
// expect: 8 4
// expect: 8
