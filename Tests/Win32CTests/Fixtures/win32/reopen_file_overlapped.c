#include <windows.h>
#include <stdio.h>
#pragma sim file("x.dat", 4096)

int main(void) {
    HANDLE sync = CreateFile(TEXT("x.dat"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, 0, NULL);
    HANDLE ov = ReOpenFile(sync, GENERIC_READ, FILE_SHARE_READ, FILE_FLAG_OVERLAPPED);
    printf("%d\n", ov != INVALID_HANDLE_VALUE);
    BYTE buf[16];
    DWORD n = 0;
    BOOL ok = ReadFile(ov, buf, sizeof buf, &n, NULL);
    printf("%d %lu\n", ok, GetLastError());
    ok = ReadFile(sync, buf, sizeof buf, &n, NULL);
    printf("%d %lu\n", ok, n);
    CloseHandle(ov);
    CloseHandle(sync);
    return 0;
}
// skip: needs kernel
// expect: 1
// expect: 0 87
// expect: 1 16
