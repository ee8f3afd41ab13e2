#include <windows.h>
#include <stdio.h>

typedef struct {
    OVERLAPPED ov;
    DWORD index;
} IOREQ;

#define MAX_REQ 3
IOREQ g_reqs[MAX_REQ];
OVERLAPPED g_ov = {0};
struct { int a, b; } g_pair = {4, 9};

int main(void) {
    for (int i = 0; i < MAX_REQ; i++) g_reqs[i].index = i * 2;
    printf("%lu %lu\n", g_reqs[2].index, g_reqs[0].ov.Offset);
    printf("%d\n", (int)sizeof(g_reqs));
    printf("%d %d\n", g_pair.a, g_pair.b);
    printf("%d\n", g_ov.hEvent == NULL);
    return 0;
}
// expect: 4 0
// expect: 120
// expect: 4 9
// expect: 1
