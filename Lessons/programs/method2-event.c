/*
 * method2-event.c - Method 2: one event per request, named in OVERLAPPED.hEvent.
 *
 * The job (the same in method1..method4): read 8 blocks of 4 KiB from a
 * 64 KiB file, one block every 8 KiB, and process each block as it arrives,
 * summing a position-weighted checksum, so all four print the same lines.
 *
 * How completion is learned: each request carries its own manual-reset event
 * in hEvent. The kernel sets exactly that event when the request finishes
 * (and leaves the file object alone, SEMANTICS 14, 16), so all 8 reads can be
 * in flight at once and WaitForMultipleObjects says WHICH one finished: the
 * index it returns is the request's number.
 *
 * The lowest-index rule (SEMANTICS 39): when several events are already
 * signaled, a wait-any returns the LOWEST index, whatever order they finished
 * in. A request we have handled must therefore stop looking signaled, or it
 * would win every later wait: we ResetEvent it after handling. (A manual-reset
 * event is used so that the wait does not consume the signal before
 * GetOverlappedResult could need it, SEMANTICS 16, 18.)
 *
 * Rules shown: 8, 9 (hEvent reset when the request starts), 10, 16, 17, 18,
 * 39. Kernel features: overlapped reads, several requests at the device,
 * out-of-order completion (disk jitter), events, wait-any.
 *
 * Expected output on the simulated kernel (identical in all four method
 * programs; the checksum depends only on the file's seeded contents):
 *   reads: 8 of 4096 bytes
 *   bytes: 32768
 *   checksum: 0x9063F5F0   (with the default seed 1)
 */
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, jitter_us=1500, parallel=4, sector=512, cache=off)
#pragma sim param(WORK_US, 1000)

#define READS  8
#define BLOCK  4096
#define STRIDE 8192

/* Weighted by file position so that a block summed against the wrong offset
   shows up, while addition makes the completion order irrelevant. */
static DWORD BlockChecksum(const BYTE *data, DWORD offset, DWORD count)
{
    DWORD sum = 0;
    for (DWORD i = 0; i < count; i++)
        sum += (DWORD)data[i] * (offset + i + 1);
    return sum;
}

static BYTE       g_buffers[READS][BLOCK];
static OVERLAPPED g_ov[READS];
static HANDLE     g_events[READS];

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");

    HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed: error %lu\n", GetLastError());
        return 1;
    }

    SimNote("method 2: all reads in flight, one event each");
    for (DWORD i = 0; i < READS; i++) {
        /* manual-reset, initially clear; the read resets it again anyway */
        g_events[i] = CreateEvent(NULL, TRUE, FALSE, NULL);
        ZeroMemory(&g_ov[i], sizeof(g_ov[i]));
        g_ov[i].Offset = i * STRIDE;
        g_ov[i].hEvent = g_events[i];
        /* Done at once (TRUE) also sets the event, so both outcomes are
           handled by the same loop below. */
        if (!ReadFile(file, g_buffers[i], BLOCK, NULL, &g_ov[i]) &&
            GetLastError() != ERROR_IO_PENDING) {
            printf("ReadFile %lu failed: error %lu\n", i, GetLastError());
            return 1;
        }
    }

    DWORD checksum = 0;
    DWORD total = 0;
    for (DWORD handled = 0; handled < READS; handled++) {
        DWORD w = WaitForMultipleObjects(READS, g_events, FALSE, INFINITE);
        if (w >= WAIT_OBJECT_0 + READS) {
            printf("wait failed: %lu, error %lu\n", w, GetLastError());
            return 1;
        }
        DWORD i = w - WAIT_OBJECT_0;   /* the index IS the request */

        DWORD bytes = 0;
        if (!GetOverlappedResult(file, &g_ov[i], &bytes, FALSE)) {
            printf("read %lu failed: error %lu\n", i, GetLastError());
            return 1;
        }
        /* Handled: clear its event so it cannot win the next wait. */
        ResetEvent(g_events[i]);

        checksum += BlockChecksum(g_buffers[i], g_ov[i].Offset, bytes);
        total += bytes;
        SimCompute(WORK_US);
    }

    printf("reads: %d of %d bytes\n", READS, BLOCK);
    printf("bytes: %lu\n", total);
    printf("checksum: 0x%08lX\n", checksum);

    for (DWORD i = 0; i < READS; i++)
        CloseHandle(g_events[i]);
    CloseHandle(file);
    return 0;
}
