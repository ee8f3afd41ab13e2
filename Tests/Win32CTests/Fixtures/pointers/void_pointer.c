#include <windows.h>
#include <stdio.h>

int main(void) {
    int value = 77;
    void *vp = &value;
    int *ip = (int *)vp;
    printf("%d\n", *ip);
    LPVOID lp = vp;
    PVOID pv = lp;
    printf("%d\n", pv == (void *)&value);
    ULONG_PTR addr = (ULONG_PTR)vp;
    int *back = (int *)addr;
    printf("%d\n", *back);
    return 0;
}
// expect: 77
// expect: 1
// expect: 77
