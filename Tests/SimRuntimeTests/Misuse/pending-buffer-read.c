/* The buffer of a read looked at before the read completed. */
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
    int first = a[0]; // warning: pending-buffer-read
    WaitForSingleObject(ov.hEvent, INFINITE);
    printf("%d\n", first >= 0);
    CloseHandle(ov.hEvent);
    CloseHandle(h);
    return 0;
}
