#include <windows.h>
#include <stdio.h>
#pragma sim file("slow.dat", 1048576)
#pragma sim disk(latency_us=50000, jitter_us=0)

static HANDLE file;
static BYTE buffer[65536];

static DWORD WINAPI Reader(LPVOID p)
{
    DWORD n = 0;
    BOOL ok = ReadFile(file, buffer, sizeof(buffer), &n, NULL);
    printf("reader: ok=%d error=%lu bytes=%lu\n", ok, ok ? 0 : GetLastError(), n);
    return 0;
}

int main(void)
{
    file = CreateFileA("slow.dat", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    BOOL cancelled = CancelSynchronousIo(GetCurrentThread());
    printf("nothing to cancel: %d %lu\n", cancelled, GetLastError());
    HANDLE t = CreateThread(NULL, 0, Reader, NULL, 0, NULL);
    Sleep(1);
    /* The read is already at the disk: found (TRUE), but too late to stop. */
    printf("cancel: %d\n", CancelSynchronousIo(t));
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    CloseHandle(file);
    return 0;
}
// skip: needs kernel
// expect: nothing to cancel: 0 1168
// expect: cancel: 1
// expect: reader: ok=1 error=0 bytes=65536
