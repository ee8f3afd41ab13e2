/* Two reads in flight with the same event as their hEvent. */
#include <windows.h>
#include <stdio.h>
#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, cache=off)

int main(void)
{
    HANDLE h = CreateFile(TEXT("data.bin"), GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    HANDLE event = CreateEvent(NULL, TRUE, FALSE, NULL);
    static BYTE a[4096], b[4096];
    static OVERLAPPED first, second;
    first.hEvent = event;
    second.hEvent = event;
    second.Offset = 4096;
    ReadFile(h, a, sizeof(a), NULL, &first);
    ReadFile(h, b, sizeof(b), NULL, &second); // warning: event-shared
    WaitForSingleObject(event, INFINITE);
    Sleep(10);
    CloseHandle(event);
    CloseHandle(h);
    return 0;
}
