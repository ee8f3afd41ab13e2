/* A completion port as a work queue: posted packets come out in order; an empty port times out. */
#include <windows.h>
#include <stdio.h>

int main(void)
{
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    for (ULONG_PTR key = 1; key <= 3; key++)
        PostQueuedCompletionStatus(port, (DWORD)(key * 100), key, (LPOVERLAPPED)(key * 16));
    DWORD bytes;
    ULONG_PTR key;
    LPOVERLAPPED ov;
    while (GetQueuedCompletionStatus(port, &bytes, &key, &ov, 0))
        printf("key=%llu bytes=%lu ov=%p\n", (unsigned long long)key, bytes, ov);
    DWORD error = GetLastError();
    printf("last: error=%lu ov=%p (%s)\n", error, ov, error == WAIT_TIMEOUT ? "timeout" : "other");
    CloseHandle(port);
    return 0;
}
