#include <windows.h>
#include <stdio.h>

int main(void) {
    SetLastError(ERROR_ACCESS_DENIED);
    DWORD r = SleepEx(5, FALSE);
    printf("%lu %lu\n", r, GetLastError());
    return 0;
}
// skip: needs kernel
// expect: 0 5
