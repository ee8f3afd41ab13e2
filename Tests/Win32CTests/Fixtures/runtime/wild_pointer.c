#include <windows.h>
#include <stdio.h>

int main(void) {
    DWORD *p = (DWORD *)(ULONG_PTR)0x00007FFF00000000ULL;
    printf("start\n");
    DWORD v = *p;
    printf("%lu\n", v);
    return 0;
}
// expect: start
// runtime error: unmapped memory
