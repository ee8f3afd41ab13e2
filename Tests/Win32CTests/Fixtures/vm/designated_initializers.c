#include <windows.h>
#include <stdio.h>

typedef struct { int x, y; } PT;
typedef struct { PT a, b; const char *name; } SEG;

int main(void) {
    OVERLAPPED o = { .Offset = 4096, .hEvent = (HANDLE)0x44 };
    PT pts[] = { 1, 2, 3, 4, [4] = { .y = 9 } };
    SEG s = { .b.x = 5, .name = "seg", .a = { 7, 8 } };
    int table[6] = { [2] = 20, 30, [0] = 1 };
    printf("%lu %lu %p\n", o.Offset, o.OffsetHigh, o.hEvent);
    printf("%d %d %d %d %d\n", (int)_countof(pts), pts[1].x, pts[1].y, pts[4].x, pts[4].y);
    printf("%d %d %d %d %s\n", s.a.x, s.a.y, s.b.x, s.b.y, s.name);
    printf("%d %d %d %d %d\n", table[0], table[1], table[2], table[3], table[5]);
    return 0;
}
// expect: 4096 0 0000000000000044
// expect: 5 3 4 0 9
// expect: 7 8 5 0 seg
// expect: 1 0 20 30 0
