/* GetQueuedCompletionStatusEx removes several packets in one call. */
#include <windows.h>
#include <stdio.h>

int main(void)
{
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    for (int i = 0; i < 5; i++) PostQueuedCompletionStatus(port, i + 1, 0x10 + i, NULL);
    OVERLAPPED_ENTRY entries[4];
    ULONG removed = 0;
    int round = 0;
    while (GetQueuedCompletionStatusEx(port, entries, _countof(entries), &removed, 0, FALSE)) {
        printf("round %d removed %lu:", ++round, removed);
        for (ULONG i = 0; i < removed; i++)
            printf(" %llX/%lu", (ULONGLONG)entries[i].lpCompletionKey, entries[i].dwNumberOfBytesTransferred);
        printf("\n");
    }
    printf("then: %lu\n", GetLastError());
    CloseHandle(port);
    return 0;
}
