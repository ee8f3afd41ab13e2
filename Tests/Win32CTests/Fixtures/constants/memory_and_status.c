#include <windows.h>
#include <stdio.h>

int main(void) {
    printf("%lX %lX %lX\n", (DWORD)MEM_COMMIT, (DWORD)MEM_RESERVE, (DWORD)MEM_RELEASE);
    printf("%lX\n", (DWORD)PAGE_READWRITE);
    printf("%lX\n", (DWORD)STATUS_PENDING);
    printf("%d %d\n", TRUE, FALSE);
    printf("%lld\n", (LONG_PTR)INVALID_HANDLE_VALUE);
    return 0;
}
// expect: 1000 2000 8000
// expect: 4
// expect: 103
// expect: 1 0
// expect: -1
