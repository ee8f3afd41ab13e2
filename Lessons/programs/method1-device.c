/*
 * method1-device.c - Method 1: learn that a read finished by waiting on the
 * file handle itself.
 *
 * The job (the same in method1..method4): read 8 blocks of 4 KiB from a
 * 64 KiB file, one block every 8 KiB, and process each block as it arrives.
 * "Processing" is a position-weighted checksum plus a little CPU work, so the
 * four programs print exactly the same lines however the disk orders things.
 *
 * How completion is learned: the file object is a manual-reset signal. Every
 * request resets it when it starts, and the kernel sets it when a request
 * that has no hEvent finishes (SEMANTICS 9, 14). So WaitForSingleObject(file)
 * means "some request on this file finished" - never "which one". With two
 * requests in flight that question has no answer (device-ambiguity.c shows
 * it), so this method keeps exactly ONE request in flight. To get some
 * overlap anyway we double-buffer: as soon as block i has arrived we start
 * the read of block i+1, and only then process block i.
 *
 * Rules shown: 8 (Internal = STATUS_PENDING at start), 10 (pending vs done at
 * once), 14 (file object reset/set), 17 (GetOverlappedResult reads the
 * OVERLAPPED). Kernel features: overlapped file reads, disk latency, waits
 * on a file object.
 *
 * Expected output on the simulated kernel (the checksum value depends only on
 * the file's seeded contents and is identical in all four method programs):
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

/* Weighted by file position: a block checksummed against the wrong offset
   gives a different total, yet plain addition makes the order in which
   blocks complete irrelevant. Unsigned arithmetic wraps, as intended. */
static DWORD BlockChecksum(const BYTE *data, DWORD offset, DWORD count)
{
    DWORD sum = 0;
    for (DWORD i = 0; i < count; i++)
        sum += (DWORD)data[i] * (offset + i + 1);
    return sum;
}

/* Starts one read. TRUE means the request is under way or already done:
   either way the file object will be (or already is) signaled for it. */
static BOOL StartRead(HANDLE file, OVERLAPPED *ov, BYTE *buffer, DWORD offset)
{
    ZeroMemory(ov, sizeof(*ov));
    ov->Offset = offset;            /* an overlapped handle has no position */
    if (ReadFile(file, buffer, BLOCK, NULL, ov))
        return TRUE;                /* completed at once; the signal is set anyway */
    if (GetLastError() == ERROR_IO_PENDING)
        return TRUE;
    printf("ReadFile at %lu failed: error %lu\n", offset, GetLastError());
    return FALSE;
}

/* Waits for the single request in flight and returns its byte count. */
static BOOL FinishRead(HANDLE file, OVERLAPPED *ov, DWORD *bytes)
{
    /* Only safe because exactly one request is in flight: the signal
       cannot belong to anybody else. */
    if (WaitForSingleObject(file, INFINITE) != WAIT_OBJECT_0) {
        printf("wait on the file failed: error %lu\n", GetLastError());
        return FALSE;
    }
    /* The wait told us "done"; the OVERLAPPED tells us how it went.
       bWait=FALSE: it has finished, so there is nothing left to wait for. */
    if (!GetOverlappedResult(file, ov, bytes, FALSE)) {
        printf("read failed: error %lu\n", GetLastError());
        return FALSE;
    }
    return TRUE;
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

    /* Two buffers and one OVERLAPPED: the OVERLAPPED is reused only after
       the request using it has finished, which is the rule for reusing one. */
    static BYTE buffers[2][BLOCK];
    OVERLAPPED ov;
    DWORD checksum = 0;
    DWORD total = 0;

    SimNote("method 1: one read in flight, wait on the file handle");
    if (!StartRead(file, &ov, buffers[0], 0))
        return 1;

    for (DWORD i = 0; i < READS; i++) {
        DWORD bytes = 0;
        if (!FinishRead(file, &ov, &bytes))
            return 1;

        /* Start the next read before processing this block, so the disk
           works while we compute. Still one request in flight. */
        if (i + 1 < READS && !StartRead(file, &ov, buffers[(i + 1) % 2], (i + 1) * STRIDE))
            return 1;

        checksum += BlockChecksum(buffers[i % 2], i * STRIDE, bytes);
        total += bytes;
        SimCompute(WORK_US);
    }

    printf("reads: %d of %d bytes\n", READS, BLOCK);
    printf("bytes: %lu\n", total);
    printf("checksum: 0x%08lX\n", checksum);

    CloseHandle(file);
    return 0;
}
