#include <windows.h>
#include <stdio.h>
#pragma sim file("x.dat", 4096)

int main(void) {
    HANDLE h = CreateFile(TEXT("x.dat"), GENERIC_READ, FILE_SHARE_READ, NULL,
                          OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        printf("open failed %lu\n", GetLastError());
        return 1;
    }
    BYTE buf[100];
    OVERLAPPED o = {0};
    o.hEvent = CreateEvent(NULL, TRUE, FALSE, NULL);
    o.Offset = 1000;
    BOOL ok = ReadFile(h, buf, sizeof buf, NULL, &o);
    if (!ok && GetLastError() != ERROR_IO_PENDING) {
        printf("read failed %lu\n", GetLastError());
        return 1;
    }
    DWORD n = 0;
    ok = GetOverlappedResult(h, &o, &n, TRUE);
    printf("ok=%d bytes=%lu status=%lu\n", ok, n, (DWORD)o.Internal);
    printf("event=%lu\n", WaitForSingleObject(o.hEvent, 0));
    CloseHandle(o.hEvent);
    CloseHandle(h);
    return 0;
}
// skip: needs kernel
// expect: ok=1 bytes=100 status=0
// expect: event=0
