#include <windows.h>
#include <stdio.h>

int main(void) {
    DWORD a = GetTickCount();
    ULONGLONG a64 = GetTickCount64();
    Sleep(50);
    DWORD b = GetTickCount();
    ULONGLONG b64 = GetTickCount64();
    printf("%d %d\n", b - a >= 30, b64 - a64 >= 30);
    return 0;
}
// skip: needs kernel
// expect: 1 1
