#include <windows.h>
#include <stdio.h>

int main(void) {
    SetLastError(1234);
    printf("%lu\n", GetLastError());
    BOOL ok = CloseHandle((HANDLE)(ULONG_PTR)0x1234);
    printf("%d %lu\n", ok, GetLastError());
    return 0;
}
// skip: needs kernel
// expect: 1234
// expect: 0 6
