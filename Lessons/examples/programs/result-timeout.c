// GetOverlappedResultEx waits for one request with a time limit. A limit
// shorter than the disk gives FALSE with WAIT_TIMEOUT and leaves the request
// running; an alertable wait ends early for an APC with WAIT_IO_COMPLETION;
// a wait long enough returns the byte count.
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=3000, jitter_us=0, cache=off)

static char buffer[4096];

static void CALLBACK nudge(ULONG_PTR value) {
    printf("APC %lu ran\n", (DWORD)value);
}

int main(void) {
    HANDLE file = CreateFileA("data.bin", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                              FILE_FLAG_OVERLAPPED, NULL);
    OVERLAPPED ov = { 0 };
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    ReadFile(file, buffer, sizeof buffer, NULL, &ov);

    DWORD bytes = 0;
    BOOL ok = GetOverlappedResultEx(file, &ov, &bytes, 1, FALSE);
    printf("after 1 ms: %s, error %lu\n", ok ? "done" : "not yet", GetLastError());

    QueueUserAPC(nudge, GetCurrentThread(), 7);
    ok = GetOverlappedResultEx(file, &ov, &bytes, INFINITE, TRUE);
    printf("alertable wait: %s, error %lu\n", ok ? "done" : "ended early", GetLastError());

    ok = GetOverlappedResultEx(file, &ov, &bytes, INFINITE, FALSE);
    printf("finally: %s, %lu bytes\n", ok ? "done" : "failed", bytes);

    CloseHandle(ov.hEvent);
    CloseHandle(file);
    return 0;
}
