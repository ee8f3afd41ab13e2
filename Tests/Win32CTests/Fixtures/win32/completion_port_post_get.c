#include <windows.h>
#include <stdio.h>

int main(void) {
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    OVERLAPPED ov = {0};
    PostQueuedCompletionStatus(port, 10, 7, &ov);
    PostQueuedCompletionStatus(port, 20, 8, NULL);
    DWORD bytes = 0;
    ULONG_PTR key = 0;
    LPOVERLAPPED lpo = NULL;
    BOOL ok = GetQueuedCompletionStatus(port, &bytes, &key, &lpo, 0);
    printf("%d %lu %llu %d\n", ok, bytes, (ULONGLONG)key, lpo == &ov);
    ok = GetQueuedCompletionStatus(port, &bytes, &key, &lpo, 0);
    printf("%d %lu %llu %d\n", ok, bytes, (ULONGLONG)key, lpo == NULL);
    ok = GetQueuedCompletionStatus(port, &bytes, &key, &lpo, 0);
    printf("%d %d %lu\n", ok, lpo == NULL, GetLastError());
    CloseHandle(port);
    return 0;
}
// skip: needs kernel
// expect: 1 10 7 1
// expect: 1 20 8 1
// expect: 0 1 258
