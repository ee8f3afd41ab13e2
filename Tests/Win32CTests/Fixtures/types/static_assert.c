#include <windows.h>
#include <stdio.h>

_Static_assert(sizeof(OVERLAPPED) == 32, "OVERLAPPED is 32 bytes on x64");
C_ASSERT(sizeof(LARGE_INTEGER) == 8);

int main(void)
{
    static_assert(sizeof(HANDLE) == sizeof(void *), "handles are pointers");
    printf("ok\n");
    return 0;
}
// expect: ok
