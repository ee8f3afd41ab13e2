/* Alertable I/O: ReadFileEx completion routines run while the issuer waits alertably. */
#include <windows.h>
#include <stdio.h>
#pragma sim file("records.dat", 32768)

#define COUNT 4
static int completed;
static DWORD totalBytes;

static VOID CALLBACK OnRead(DWORD error, DWORD bytes, LPOVERLAPPED ov)
{
    completed++;
    totalBytes += bytes;
    if (error != 0) printf("error %lu\n", error);
}

int main(void)
{
    HANDLE h = CreateFile(TEXT("records.dat"), GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    static BYTE buffers[COUNT][4096];
    static OVERLAPPED ovs[COUNT];
    for (int i = 0; i < COUNT; i++) {
        ovs[i].Offset = i * 8192;
        if (!ReadFileEx(h, buffers[i], sizeof(buffers[i]), &ovs[i], OnRead)) {
            printf("ReadFileEx failed: %lu\n", GetLastError());
            return 1;
        }
    }
    int wakeups = 0;
    while (completed < COUNT) {
        if (SleepEx(INFINITE, TRUE) == WAIT_IO_COMPLETION) wakeups++;
    }
    printf("completed %d reads, %lu bytes, %s\n", completed, totalBytes, wakeups > 0 ? "woken by APCs" : "never woken");
    CloseHandle(h);
    return 0;
}
