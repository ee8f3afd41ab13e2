#include <windows.h>
#include <stdio.h>
#pragma sim file("x.dat", 4096)

int main(void) {
    HANDLE h = CreateFile(TEXT("x.dat"), GENERIC_READ, 0, NULL, OPEN_EXISTING,
                          FILE_FLAG_OVERLAPPED, NULL);
    BYTE buf[64];
    OVERLAPPED o = {0};
    o.Offset = 4096;
    BOOL ok = ReadFile(h, buf, sizeof buf, NULL, &o);
    printf("ok=%d pending=%d\n", ok, !ok && GetLastError() == ERROR_IO_PENDING);
    DWORD n = 99;
    ok = GetOverlappedResult(h, &o, &n, TRUE);
    printf("ok=%d err=%lu bytes=%lu\n", ok, GetLastError(), n);
    printf("status=%lX\n", (DWORD)o.Internal);
    CloseHandle(h);
    return 0;
}
// skip: needs kernel
// expect: ok=0 pending=1
// expect: ok=0 err=38 bytes=0
// expect: status=C0000011
