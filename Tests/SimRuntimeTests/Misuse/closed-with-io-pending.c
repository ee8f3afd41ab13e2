/* The file's only handle closed while a read on it is still in flight. */
#include <windows.h>
#include <stdio.h>
#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, cache=off)

int main(void)
{
    HANDLE h = CreateFile(TEXT("data.bin"), GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    static BYTE a[4096];
    static OVERLAPPED ov;
    ov.hEvent = CreateEvent(NULL, TRUE, FALSE, NULL);
    ReadFile(h, a, sizeof(a), NULL, &ov);
    CloseHandle(h); // warning: closed-with-io-pending
    WaitForSingleObject(ov.hEvent, INFINITE);
    CloseHandle(ov.hEvent);
    return 0;
}
