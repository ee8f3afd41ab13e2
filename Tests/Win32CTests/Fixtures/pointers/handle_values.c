#include <windows.h>
#include <stdio.h>

int main(void) {
    HANDLE h = INVALID_HANDLE_VALUE;
    printf("%d\n", h == (HANDLE)-1);
    printf("%lld\n", (LONG_PTR)h);
    printf("%llX\n", (ULONG_PTR)h);
    HANDLE handles[2] = {NULL, INVALID_HANDLE_VALUE};
    PHANDLE ph = handles;
    printf("%d\n", ph[1] == INVALID_HANDLE_VALUE);
    return 0;
}
// expect: 1
// expect: -1
// expect: FFFFFFFFFFFFFFFF
// expect: 1
