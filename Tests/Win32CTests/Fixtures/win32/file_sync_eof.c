#include <windows.h>
#include <stdio.h>
#pragma sim file("x.dat", 4096)

int main(void) {
    HANDLE h = CreateFile(TEXT("x.dat"), GENERIC_READ, FILE_SHARE_READ, NULL,
                          OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    static BYTE buf[8192];
    DWORD n = 0;
    BOOL ok = ReadFile(h, buf, sizeof buf, &n, NULL);
    printf("%d %lu\n", ok, n);
    ok = ReadFile(h, buf, sizeof buf, &n, NULL);
    printf("%d %lu\n", ok, n);
    OVERLAPPED o = {0};
    o.Offset = 4096;
    ok = ReadFile(h, buf, 16, &n, &o);
    printf("%d %lu\n", ok, GetLastError());
    CloseHandle(h);
    return 0;
}
// skip: needs kernel
// expect: 1 4096
// expect: 1 0
// expect: 0 38
