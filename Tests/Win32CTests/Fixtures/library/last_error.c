#include <windows.h>
#include <stdio.h>

int main(void) {
    SetLastError(ERROR_IO_PENDING);
    printf("%lu\n", GetLastError());
    SetLastError(0);
    printf("%lu\n", GetLastError());
    SetLastError(ERROR_HANDLE_EOF);
    DWORD e = GetLastError();
    printf("%lu %d\n", e, e == 38);
    return 0;
}
// expect: 997
// expect: 0
// expect: 38 1
