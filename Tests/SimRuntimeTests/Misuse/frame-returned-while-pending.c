/* A function starts a read into its own locals and returns before it completes. */
#include <windows.h>
#include <stdio.h>
#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, cache=off)

HANDLE h;
HANDLE done;

void StartRead(void)
{
    BYTE buffer[512];
    OVERLAPPED ov = { .hEvent = done };
    ReadFile(h, buffer, sizeof(buffer), NULL, &ov);
} // warning: frame-returned-while-pending

int main(void)
{
    h = CreateFile(TEXT("data.bin"), GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    done = CreateEvent(NULL, TRUE, FALSE, NULL);
    StartRead();
    WaitForSingleObject(done, INFINITE);
    CloseHandle(done);
    CloseHandle(h);
    return 0;
}
