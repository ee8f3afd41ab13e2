/* Documentation style: one overlapped read signalled through the OVERLAPPED's event. */
#include <windows.h>
#include <stdio.h>
#pragma sim file("log.bin", 65536)

int main(void)
{
    HANDLE file = CreateFile(TEXT("log.bin"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                             FILE_FLAG_OVERLAPPED, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed with %lu\n", GetLastError());
        return 1;
    }
    BYTE buffer[1024];
    OVERLAPPED ov = { .Offset = 8192, .hEvent = CreateEvent(NULL, TRUE, FALSE, NULL) };
    DWORD transferred = 0;
    if (!ReadFile(file, buffer, sizeof(buffer), NULL, &ov)) {
        DWORD error = GetLastError();
        if (error != ERROR_IO_PENDING) {
            printf("ReadFile failed with %lu\n", error);
            return 1;
        }
        /* Pending: wait for the event. (A cached read may also complete at once.) */
        DWORD wait = WaitForSingleObject(ov.hEvent, INFINITE);
        if (wait != WAIT_OBJECT_0) printf("wait returned %lu\n", wait);
    }
    if (GetOverlappedResult(file, &ov, &transferred, FALSE)) {
        printf("read %lu bytes at offset %lu\n", transferred, ov.Offset);
    }
    printf("completed: %d\n", HasOverlappedIoCompleted(&ov));
    CloseHandle(ov.hEvent);
    CloseHandle(file);
    return 0;
}
