/* A completion port closed while a worker is blocked in GetQueuedCompletionStatus on it. */
#include <windows.h>
#include <stdio.h>

HANDLE port;

DWORD WINAPI Worker(LPVOID arg)
{
    DWORD bytes;
    ULONG_PTR key;
    LPOVERLAPPED ov;
    BOOL ok = GetQueuedCompletionStatus(port, &bytes, &key, &ov, INFINITE);
    printf("worker: %d, error %lu\n", ok, GetLastError());
    return 0;
}

int main(void)
{
    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    HANDLE t = CreateThread(NULL, 0, Worker, NULL, 0, NULL);
    Sleep(1);
    CloseHandle(port); // warning: port-closed-with-waiters
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    return 0;
}
