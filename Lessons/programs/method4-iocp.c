/*
 * method4-iocp.c - Method 4: an I/O completion port served by a small pool.
 *
 * The job (the same in method1..method4): read 8 blocks of 4 KiB from a
 * 64 KiB file, one block every 8 KiB, and process each block as it arrives,
 * summing a position-weighted checksum, so all four print the same lines.
 *
 * How completion is learned: the file is associated with a port under a key.
 * Each finished read becomes a packet (bytes, key, OVERLAPPED*) in the port's
 * FIFO, and any thread of the pool can take it with GetQueuedCompletionStatus
 * - the thread that issued the read plays no part (compare method 3). The
 * port lets at most CONCURRENCY of its threads run at once; the others stay
 * parked in the port's waiter list (newest first, SEMANTICS 25, 29, 30).
 *
 * Shutdown: main waits until all 8 blocks are processed, then posts one
 * "quit" packet per worker. A worker leaves as soon as it gets one, so each
 * quit packet reaches a different worker (iocp-shutdown.c shows what goes
 * wrong otherwise). Main then waits for the worker threads to end.
 *
 * The totals are updated by several threads, hence Interlocked calls.
 *
 * Rules shown: 10 (a read done at once still queues a packet), 25-27, 29,
 * 30, 33, 36. Kernel features: completion port, association with a key,
 * posted packets, thread pool, running count vs concurrency limit. Needs the
 * completion-port part of the kernel.
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

#define READS       8
#define BLOCK       4096
#define STRIDE      8192
#define WORKERS     4
#define CONCURRENCY 2

#define KEY_DATA_FILE 1   /* packets for reads of data.bin */
#define KEY_QUIT      2   /* posted by main: leave the pool */

typedef struct READ_REQUEST {
    OVERLAPPED ov;        /* first, so the packet's OVERLAPPED* leads back here */
    BYTE       data[BLOCK];
} READ_REQUEST;

static READ_REQUEST  g_requests[READS];
static HANDLE        g_port;
static HANDLE        g_allProcessed;   /* set by whoever handles the last block */
static volatile LONG g_processed;
static volatile LONG g_failed;
static volatile LONG g_bytes;
static volatile LONG g_checksum;

static const WCHAR *const g_names[WORKERS] = {
    L"worker 1", L"worker 2", L"worker 3", L"worker 4"
};

static DWORD BlockChecksum(const BYTE *data, DWORD offset, DWORD count)
{
    DWORD sum = 0;
    for (DWORD i = 0; i < count; i++)
        sum += (DWORD)data[i] * (offset + i + 1);
    return sum;
}

static DWORD WINAPI Worker(LPVOID param)
{
    SetThreadDescription(GetCurrentThread(), g_names[(ULONG_PTR)param]);

    for (;;) {
        DWORD bytes = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        BOOL ok = GetQueuedCompletionStatus(g_port, &bytes, &key, &ov, INFINITE);

        if (ov == NULL) {
            /* No I/O packet: either our quit packet, or the port failed.
               Either way, leave now - never go back for another packet. */
            if (!ok)
                printf("GetQueuedCompletionStatus failed: error %lu\n", GetLastError());
            break;
        }

        READ_REQUEST *req = CONTAINING_RECORD(ov, READ_REQUEST, ov);
        if (!ok) {
            /* A read that failed: the packet still arrives, with its error. */
            InterlockedIncrement(&g_failed);
        } else {
            DWORD sum = BlockChecksum(req->data, req->ov.Offset, bytes);
            InterlockedExchangeAdd(&g_checksum, (LONG)sum);
            InterlockedExchangeAdd(&g_bytes, (LONG)bytes);
            SimCompute(WORK_US);
        }
        if (InterlockedIncrement(&g_processed) == READS)
            SetEvent(g_allProcessed);
    }
    return 0;
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

    /* Create the port, then associate the file with it under its key. */
    g_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, CONCURRENCY);
    if (g_port == NULL || CreateIoCompletionPort(file, g_port, KEY_DATA_FILE, 0) == NULL) {
        printf("CreateIoCompletionPort failed: error %lu\n", GetLastError());
        return 1;
    }
    g_allProcessed = CreateEvent(NULL, TRUE, FALSE, NULL);

    HANDLE threads[WORKERS];
    for (ULONG_PTR w = 0; w < WORKERS; w++)
        threads[w] = CreateThread(NULL, 0, Worker, (LPVOID)w, 0, NULL);

    SimNote("method 4: all reads in flight, packets to a pool of 4 (limit 2)");
    for (DWORD i = 0; i < READS; i++) {
        ZeroMemory(&g_requests[i].ov, sizeof(OVERLAPPED));
        g_requests[i].ov.Offset = i * STRIDE;
        if (!ReadFile(file, g_requests[i].data, BLOCK, NULL, &g_requests[i].ov) &&
            GetLastError() != ERROR_IO_PENDING) {
            printf("ReadFile %lu failed: error %lu\n", i, GetLastError());
            return 1;
        }
    }

    WaitForSingleObject(g_allProcessed, INFINITE);

    SimNote("all blocks processed: one quit packet per worker");
    for (int w = 0; w < WORKERS; w++)
        PostQueuedCompletionStatus(g_port, 0, KEY_QUIT, NULL);
    WaitForMultipleObjects(WORKERS, threads, TRUE, INFINITE);

    if (g_failed != 0) {
        printf("%ld reads failed\n", g_failed);
        return 1;
    }
    printf("reads: %d of %d bytes\n", READS, BLOCK);
    printf("bytes: %lu\n", (DWORD)g_bytes);
    printf("checksum: 0x%08lX\n", (DWORD)g_checksum);

    for (int w = 0; w < WORKERS; w++)
        CloseHandle(threads[w]);
    CloseHandle(g_allProcessed);
    CloseHandle(file);
    CloseHandle(g_port);
    return 0;
}
