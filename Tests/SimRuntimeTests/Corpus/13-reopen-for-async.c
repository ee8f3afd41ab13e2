/* Converting a synchronous handle into an asynchronous one by opening the file again from the handle. */
#include <windows.h>
#include <stdio.h>

int __cdecl main(int, char **)
{
    HANDLE writer = CreateFile("reopen.txt", GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_ALWAYS,
                               FILE_ATTRIBUTE_NORMAL, NULL);
    HANDLE reader = ReOpenFile(writer, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_FLAG_OVERLAPPED);
    if (reader == INVALID_HANDLE_VALUE) {
        printf("ReOpenFile failed: %lu\n", GetLastError());
        return 1;
    }
    DWORD n;
    WriteFile(writer, "xyz", 3, &n, NULL);
    OVERLAPPED o = { .hEvent = CreateEvent(NULL, TRUE, FALSE, NULL) };
    char got[4] = {0};
    BOOL done = ReadFile(reader, got, 3, &n, &o);
    bool pending = !done && GetLastError() == ERROR_IO_PENDING;
    if (!done && !pending) {
        printf("read failed\n");
        return 1;
    }
    GetOverlappedResult(reader, &o, &n, TRUE);
    printf("read back [%s], %lu bytes\n", got, n);
    CloseHandle(o.hEvent);
    CloseHandle(reader);
    CloseHandle(writer);
    return 0;
}
