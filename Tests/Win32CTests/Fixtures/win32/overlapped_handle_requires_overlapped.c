#include <windows.h>
#include <stdio.h>
#pragma sim file("x.dat", 4096)

int main(void) {
    HANDLE h = CreateFile(TEXT("x.dat"), GENERIC_READ, FILE_SHARE_READ, NULL,
                          OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    BYTE buf[16];
    DWORD n = 0;
    BOOL ok = ReadFile(h, buf, sizeof buf, &n, NULL);
    printf("%d %lu\n", ok, GetLastError());
    CloseHandle(h);
    return 0;
}
// skip: needs kernel
// expect: 0 87
