/* ReadFileEx's completion routine is queued, but the thread never waits alertably.
   main's thread ends when main returns: the warning names main. */
#include <windows.h>
#include <stdio.h>
#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, cache=off)

static VOID CALLBACK OnRead(DWORD error, DWORD bytes, LPOVERLAPPED ov)
{
    printf("read %lu bytes\n", bytes);
}

int main(void) // warning: completion-routines-lost
{
    HANDLE h = CreateFile(TEXT("data.bin"), GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    static BYTE a[4096];
    static OVERLAPPED ov;
    ReadFileEx(h, a, sizeof(a), &ov, OnRead);
    Sleep(10);
    CloseHandle(h);
    return 0;
}
