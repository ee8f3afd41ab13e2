#include <windows.h>
#include <stdio.h>
#pragma sim file("slow.dat", 1048576)
#pragma sim disk(latency_us=50000, jitter_us=0)

static HANDLE file;

static DWORD WINAPI Reader(LPVOID name)
{
    static BYTE buffer[2][4096];
    DWORD n = 0;
    int which = *(const char *)name - 'A';
    BOOL ok = ReadFile(file, buffer[which], sizeof(buffer[which]), &n, NULL);
    printf("%s: ok=%d error=%lu bytes=%lu\n", (const char *)name, ok, ok ? 0 : GetLastError(), n);
    return 0;
}

int main(void)
{
    /* A synchronous handle serializes its requests: B waits behind A's read. */
    file = CreateFileA("slow.dat", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    HANDLE a = CreateThread(NULL, 0, Reader, "A", 0, NULL);
    Sleep(1);
    HANDLE b = CreateThread(NULL, 0, Reader, "B", 0, NULL);
    Sleep(1);
    BOOL cancelled = CancelSynchronousIo(b);
    WaitForSingleObject(b, INFINITE);
    printf("cancel B: %d\n", cancelled);
    WaitForSingleObject(a, INFINITE);
    CloseHandle(a);
    CloseHandle(b);
    CloseHandle(file);
    return 0;
}
// skip: needs kernel
// expect: B: ok=0 error=995 bytes=0
// expect: cancel B: 1
// expect: A: ok=1 error=0 bytes=4096
