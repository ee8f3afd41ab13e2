#include <windows.h>
#include <stdio.h>

typedef struct { int x, y; } POINT2;
typedef struct { POINT2 corner[2]; char tag[4]; DWORD id; } BOX;

BOX MakeBox(int base) {
    BOX b = { base, base + 1, base + 2, base + 3, "ab", 7 };
    return b;
}

int main(void) {
    BOX b = MakeBox(10);
    BOX zero = {0};
    printf("%d %d %d %d %s %lu\n", b.corner[0].x, b.corner[0].y, b.corner[1].x, b.corner[1].y, b.tag, b.id);
    printf("%d %d\n", MakeBox(1).corner[1].y, zero.corner[1].y);
    return 0;
}
// expect: 10 11 12 13 ab 7
// expect: 4 0
