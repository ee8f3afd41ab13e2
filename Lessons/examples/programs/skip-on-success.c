// Two reads of the same bytes on a handle associated with a completion port,
// with FILE_SKIP_COMPLETION_PORT_ON_SUCCESS set. The first read goes to the
// disk and pends; the second finds its bytes in the cache and completes at
// once, so no packet is queued for it: the thread that issued it handles it.
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, jitter_us=0)

static char first[4096], again[4096];

int main(void) {
    HANDLE file = CreateFileA("data.bin", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                              FILE_FLAG_OVERLAPPED, NULL);
    HANDLE port = CreateIoCompletionPort(file, NULL, 1, 1);
    SetFileCompletionNotificationModes(file, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS);

    OVERLAPPED ovFirst = { 0 };
    BOOL done = ReadFile(file, first, sizeof first, NULL, &ovFirst);
    printf("first read: %s\n", done ? "done at once" : "pending");

    DWORD bytes = 0;
    ULONG_PTR key = 0;
    LPOVERLAPPED which = NULL;
    GetQueuedCompletionStatus(port, &bytes, &key, &which, INFINITE);
    printf("packet for the first read: %lu bytes\n", bytes);

    OVERLAPPED ovAgain = { 0 };
    done = ReadFile(file, again, sizeof again, NULL, &ovAgain);
    printf("second read: %s\n", done ? "done at once" : "pending");
    if (done) printf("handled here: %lu bytes\n", (DWORD)ovAgain.InternalHigh);

    BOOL got = GetQueuedCompletionStatus(port, &bytes, &key, &which, 0);
    printf("packet for the second read: %s (error %lu)\n", got ? "yes" : "none", GetLastError());

    CloseHandle(port);
    CloseHandle(file);
    return 0;
}
