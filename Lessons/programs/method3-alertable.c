/*
 * method3-alertable.c - Method 3: alertable I/O. ReadFileEx names a completion
 * routine; the kernel queues it as an APC to the thread that issued the read.
 *
 * The job (the same in method1..method4): read 8 blocks of 4 KiB from a
 * 64 KiB file, one block every 8 KiB, and process each block as it arrives,
 * summing a position-weighted checksum, so all four print the same lines.
 *
 * How completion is learned: a finished read does not interrupt anybody. Its
 * routine waits in the issuing thread's APC queue until that thread enters an
 * alertable wait - here SleepEx(INFINITE, TRUE). The wait then runs every
 * queued routine, oldest first, and returns WAIT_IO_COMPLETION instead of
 * sleeping (SEMANTICS 20, 21). So one SleepEx may run one routine or several,
 * depending on how many finished meanwhile; the loop just sleeps again until
 * the routines have counted all 8.
 *
 * Because every routine runs on this one thread, between statements of its own
 * wait, the globals they update need no locking.
 *
 * Rules shown: 19 (ReadFileEx TRUE when accepted; a synchronous failure queues
 * nothing), 20, 21. Kernel features: ReadFileEx, per-thread APC queue,
 * alertable SleepEx. Needs the alertable-I/O part of the kernel.
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

/* hEvent is free for our own use with ReadFileEx, but keeping the OVERLAPPED
   first in a larger record is the usual way to find our context again. */
typedef struct READ_REQUEST {
    OVERLAPPED ov;
    BYTE       data[BLOCK];
} READ_REQUEST;

static READ_REQUEST g_requests[READS];
static DWORD g_finished;     /* routines that have run */
static DWORD g_failed;
static DWORD g_bytes;
static DWORD g_checksum;

static DWORD BlockChecksum(const BYTE *data, DWORD offset, DWORD count)
{
    DWORD sum = 0;
    for (DWORD i = 0; i < count; i++)
        sum += (DWORD)data[i] * (offset + i + 1);
    return sum;
}

/* Runs on the main thread, inside its SleepEx, once per finished read. */
static VOID CALLBACK ReadDone(DWORD error, DWORD bytes, LPOVERLAPPED ov)
{
    READ_REQUEST *req = CONTAINING_RECORD(ov, READ_REQUEST, ov);
    if (error != ERROR_SUCCESS) {
        g_failed++;
    } else {
        g_checksum += BlockChecksum(req->data, req->ov.Offset, bytes);
        g_bytes += bytes;
        SimCompute(WORK_US);
    }
    g_finished++;
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

    SimNote("method 3: all reads in flight, routines queued to main");
    for (DWORD i = 0; i < READS; i++) {
        ZeroMemory(&g_requests[i].ov, sizeof(OVERLAPPED));
        g_requests[i].ov.Offset = i * STRIDE;
        /* TRUE even if the read finished at once: the routine is queued
           either way and runs at our next alertable wait. */
        if (!ReadFileEx(file, g_requests[i].data, BLOCK, &g_requests[i].ov, ReadDone)) {
            printf("ReadFileEx %lu failed: error %lu\n", i, GetLastError());
            return 1;
        }
    }

    while (g_finished < READS) {
        /* Nothing wakes this sleep except queued routines (no timeout). */
        DWORD w = SleepEx(INFINITE, TRUE);
        if (w != WAIT_IO_COMPLETION) {
            printf("SleepEx returned %lu\n", w);
            return 1;
        }
    }

    if (g_failed != 0) {
        printf("%lu reads failed\n", g_failed);
        return 1;
    }
    printf("reads: %d of %d bytes\n", READS, BLOCK);
    printf("bytes: %lu\n", g_bytes);
    printf("checksum: 0x%08lX\n", g_checksum);

    CloseHandle(file);
    return 0;
}
