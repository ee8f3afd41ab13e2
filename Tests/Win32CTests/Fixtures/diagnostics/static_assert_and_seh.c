#include <windows.h>
#include <stdio.h>

_Static_assert(sizeof(DWORD) == 8, "DWORD is 8 bytes");

int main(void)
{
    __try {
        printf("guarded\n");
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        printf("handled\n");
    }
    return 0;
}
// error 4:1: static assertion failed: DWORD is 8 bytes
// error 8:5: structured exception handling
