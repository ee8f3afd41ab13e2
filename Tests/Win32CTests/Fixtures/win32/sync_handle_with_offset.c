#include <windows.h>
#include <stdio.h>
#pragma sim file("x.dat", 4096)

int main(void) {
    HANDLE h = CreateFile(TEXT("x.dat"), GENERIC_READ, FILE_SHARE_READ, NULL,
                          OPEN_EXISTING, 0, NULL);
    BYTE buf[100];
    OVERLAPPED o = {0};
    o.Offset = 1000;
    DWORD n = 0;
    BOOL ok = ReadFile(h, buf, sizeof buf, &n, &o);
    LARGE_INTEGER zero = {0}, pos = {0};
    SetFilePointerEx(h, zero, &pos, FILE_CURRENT);
    printf("%d %lu %lld\n", ok, n, pos.QuadPart);
    CloseHandle(h);
    return 0;
}
// skip: needs kernel
// expect: 1 100 1100
