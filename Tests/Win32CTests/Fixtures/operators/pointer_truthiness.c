#include <windows.h>
#include <stdio.h>

int main(void) {
    int x = 1;
    int *p = &x, *q = NULL;
    printf("%d %d %d %d\n", !p, !q, p && q, p || q);
    printf("%d\n", p ? 10 : 20);
    HANDLE h = (HANDLE)4;
    while (h) h = NULL;
    printf("%d\n", h == NULL);
    return 0;
}
// expect: 0 1 0 1
// expect: 10
// expect: 1
