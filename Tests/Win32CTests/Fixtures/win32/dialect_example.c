#include <windows.h>
#include <stdio.h>
#pragma sim file("data.bin", 4096)

int main(void) {
    HANDLE h = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ,
                          NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    BYTE buf[100];
    OVERLAPPED o = {0};
    o.Offset = 345;
    BOOL done = ReadFile(h, buf, 100, NULL, &o);
    if (!done && GetLastError() == ERROR_IO_PENDING) {
        WaitForSingleObject(h, INFINITE);
        done = TRUE;
    }
    printf("status=%lu bytes=%lu\n", (DWORD)o.Internal, (DWORD)o.InternalHigh);
    CloseHandle(h);
    return 0;
}
// skip: needs kernel
// expect: status=0 bytes=100
