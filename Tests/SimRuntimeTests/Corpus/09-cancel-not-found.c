/* CancelIoEx with an OVERLAPPED that has no request fails with ERROR_NOT_FOUND. */
#include <windows.h>
#include <stdio.h>
#pragma sim file("c.dat", 4096)

int main(void)
{
    HANDLE h = CreateFileA("c.dat", GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    OVERLAPPED unused = {0};
    BOOL ok = CancelIoEx(h, &unused);
    printf("CancelIoEx: %d error %lu\n", ok, GetLastError());
    CloseHandle(h);
    ok = CancelIoEx(h, NULL);
    printf("after close: %d error %lu\n", ok, GetLastError());
    return 0;
}
