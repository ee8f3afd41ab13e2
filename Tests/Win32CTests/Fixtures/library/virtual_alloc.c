#include <windows.h>
#include <stdio.h>

int main(void) {
    SIZE_T size = 65536;
    BYTE *p = (BYTE *)VirtualAlloc(NULL, size, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    if (p == NULL) {
        printf("failed\n");
        return 1;
    }
    printf("%d\n", ((ULONG_PTR)p % 4096) == 0);
    printf("%d %d\n", p[0], p[size - 1]);
    p[100] = 7;
    printf("%d\n", p[100]);
    BOOL ok = VirtualFree(p, 0, MEM_RELEASE);
    printf("%d\n", ok != FALSE);
    return 0;
}
// expect: 1
// expect: 0 0
// expect: 7
// expect: 1
