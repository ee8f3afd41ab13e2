#include <windows.h>
#include <stdio.h>

int main(void) {
    BYTE *p = (BYTE *)VirtualAlloc(NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    p[0] = 1;
    printf("%d\n", p[0]);
    VirtualFree(p, 0, MEM_RELEASE);
    p[0] = 2;
    printf("unreachable\n");
    return 0;
}
// expect: 1
// runtime error: unmapped memory
