#include <windows.h>
#include <stdio.h>

int main(void) {
    BOOL ok = FALSE;
    printf("%d %d %d %d\n", !ok, !!5, !0, !-1);
    HANDLE h = NULL;
    if (!h) printf("null handle\n");
    return 0;
}
// expect: 1 1 1 0
// expect: null handle
