/* The heap block holding a pending read's OVERLAPPED freed before the read completes. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, cache=off)

int main(void)
{
    HANDLE h = CreateFile(TEXT("data.bin"), GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    HANDLE done = CreateEvent(NULL, TRUE, FALSE, NULL);
    static BYTE a[4096];
    OVERLAPPED *ov = calloc(1, sizeof(OVERLAPPED));
    ov->hEvent = done;
    ReadFile(h, a, sizeof(a), NULL, ov);
    free(ov); // warning: freed-while-pending
    WaitForSingleObject(done, INFINITE);
    CloseHandle(done);
    CloseHandle(h);
    return 0;
}
