#include <windows.h>
#include <stdio.h>
#pragma sim file("x.dat", 4096)

int main(void) {
    HANDLE h = CreateFile(TEXT("x.dat"), GENERIC_READ, FILE_SHARE_READ, NULL,
                          OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    printf("%lu\n", WaitForSingleObject(h, 0));
    BYTE buf[512];
    OVERLAPPED o = {0};
    BOOL ok = ReadFile(h, buf, sizeof buf, NULL, &o);
    if (!ok && GetLastError() == ERROR_IO_PENDING)
        WaitForSingleObject(h, INFINITE);
    printf("%lu %lu\n", (DWORD)o.Internal, (DWORD)o.InternalHigh);
    printf("%lu\n", WaitForSingleObject(h, 0));
    CloseHandle(h);
    return 0;
}
// skip: needs kernel
// expect: 0
// expect: 0 512
// expect: 0
