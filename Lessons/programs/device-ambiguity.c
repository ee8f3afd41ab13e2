/*
 * device-ambiguity.c - why method 1 allows only one request in flight.
 *
 * Two reads, A and B, are started on the same overlapped handle, then the
 * program waits on the handle. The file object is ONE manual-reset signal
 * for the whole file: each request resets it when it starts and the first
 * completion sets it (SEMANTICS 9, 14). So the wait returns when either read
 * finishes, and nothing in its result says which. Only the OVERLAPPEDs know:
 * printing their Internal fields shows one finished (STATUS_SUCCESS, 0) and
 * one still STATUS_PENDING (0x103).
 *
 * Worse, the signal stays set: a second wait on the handle returns at once
 * although B is still pending, so a program that waits on the handle once
 * per request would race ahead. Here we poll B's OVERLAPPED instead
 * (HasOverlappedIoCompleted reads Internal) - which is exactly the busy
 * checking the other methods exist to avoid.
 *
 * Deterministic on purpose: the disk serves one request at a time
 * (parallel=1) with no jitter, so A (started first) always finishes first.
 *
 * Rules shown: 8, 9, 12, 14. Kernel features: overlapped reads, disk queue
 * with parallel=1, waits on a file object. Needs only the base kernel.
 *
 * Expected output on the simulated kernel:
 *   started A (offset 0) and B (offset 32768): both pending
 *   wait on the handle -> WAIT_OBJECT_0
 *   A.Internal=0x0 A.InternalHigh=4096
 *   B.Internal=0x103 B.InternalHigh=0
 *   second wait, timeout 0 -> WAIT_OBJECT_0 although B is pending
 *   B.Internal=0x0 B.InternalHigh=4096 after polling
 */
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=3000, jitter_us=0, parallel=1, sector=512, cache=off)

#define BLOCK 4096

static BYTE g_a[BLOCK];
static BYTE g_b[BLOCK];

static const char *WaitName(DWORD w)
{
    if (w == WAIT_OBJECT_0) return "WAIT_OBJECT_0";
    if (w == WAIT_TIMEOUT)  return "WAIT_TIMEOUT";
    return "WAIT_FAILED";
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");

    HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed: error %lu\n", GetLastError());
        return 1;
    }

    OVERLAPPED a = {0};
    OVERLAPPED b = {0};
    a.Offset = 0;
    b.Offset = 32768;
    BOOL doneA = ReadFile(file, g_a, BLOCK, NULL, &a);
    BOOL pendingA = !doneA && GetLastError() == ERROR_IO_PENDING;
    BOOL doneB = ReadFile(file, g_b, BLOCK, NULL, &b);
    BOOL pendingB = !doneB && GetLastError() == ERROR_IO_PENDING;
    printf("started A (offset 0) and B (offset 32768): %s\n",
           pendingA && pendingB ? "both pending" : "not both pending");
    SimNote("two reads in flight on one handle");

    /* Returns at the first completion - A's or B's, it does not say. */
    DWORD w = WaitForSingleObject(file, INFINITE);
    printf("wait on the handle -> %s\n", WaitName(w));
    SimNote("handle signaled: which read finished?");
    printf("A.Internal=0x%lX A.InternalHigh=%lu\n", (DWORD)a.Internal, (DWORD)a.InternalHigh);
    printf("B.Internal=0x%lX B.InternalHigh=%lu\n", (DWORD)b.Internal, (DWORD)b.InternalHigh);

    /* Nothing reset the signal, so it still reads "done". */
    w = WaitForSingleObject(file, 0);
    printf("second wait, timeout 0 -> %s%s\n", WaitName(w),
           HasOverlappedIoCompleted(&b) ? "" : " although B is pending");

    /* The handle cannot help any more: look at B's OVERLAPPED until the
       kernel writes its result there. */
    while (!HasOverlappedIoCompleted(&b))
        Sleep(1);
    printf("B.Internal=0x%lX B.InternalHigh=%lu after polling\n",
           (DWORD)b.Internal, (DWORD)b.InternalHigh);

    CloseHandle(file);
    return 0;
}
