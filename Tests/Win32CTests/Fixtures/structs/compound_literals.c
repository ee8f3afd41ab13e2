#include <windows.h>
#include <stdio.h>

typedef struct _POINT2 { int x; int y; } POINT2;

static int Sum(const int *values, int count)
{
    int total = 0;
    for (int i = 0; i < count; i++) total += values[i];
    return total;
}

static int Manhattan(POINT2 p) { return p.x + p.y; }

int main(void)
{
    POINT2 p = (POINT2){ .y = 4, .x = 3 };
    printf("%d %d\n", p.x, p.y);
    printf("%d\n", Manhattan((POINT2){ 10, 20 }));
    printf("%d\n", Sum((int[]){ 1, 2, 3, 4 }, 4));
    OVERLAPPED ov = (OVERLAPPED){ .Offset = 512 };
    printf("%lu %lu\n", ov.Offset, (DWORD)ov.Internal);
    int *q = &(int){ 41 };
    *q += 1;
    printf("%d %d\n", *q, (POINT2){ 7, 8 }.y);
    return 0;
}
// expect: 3 4
// expect: 30
// expect: 10
// expect: 512 0
// expect: 42 8
