/* An OVERLAPPED passed to a second ReadFile while the first read using it is pending. */
#include <windows.h>
#include <stdio.h>
#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, cache=off)

int main(void)
{
    HANDLE h = CreateFile(TEXT("data.bin"), GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    static BYTE a[4096], b[4096];
    static OVERLAPPED ov;
    ov.hEvent = CreateEvent(NULL, TRUE, FALSE, NULL);
    ReadFile(h, a, sizeof(a), NULL, &ov);
    ReadFile(h, b, sizeof(b), NULL, &ov); // warning: overlapped-reused
    Sleep(10);
    CloseHandle(ov.hEvent);
    CloseHandle(h);
    return 0;
}
