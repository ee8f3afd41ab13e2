/*
 * reopen-share.c - synchronous and overlapped handles to the same file;
 * DuplicateHandle versus ReOpenFile; share modes; and requests on an
 * overlapped handle that finish at once.
 *
 * What a handle is: a reference to a FILE OBJECT. The file object carries
 * the open's flags (synchronous or overlapped), its current position, and
 * its access and share rights. That single fact explains every line below:
 *   - DuplicateHandle makes a second reference to the same file object: same
 *     position, same mode, and no new share check (SEMANTICS 6).
 *   - ReOpenFile is a brand-new open of the same file: a new file object with
 *     its own flags and position - the only way to get an overlapped handle
 *     from a synchronous one - and it is share-checked against every open,
 *     the original included (SEMANTICS 7, 5).
 *   - Overlapped file objects keep no position, so a read there must name
 *     its offset in an OVERLAPPED (SEMANTICS 3).
 *   - "Overlapped" does not mean "always pending": a read the cache can
 *     serve, or a write that extends the file, completes during the call and
 *     returns TRUE (SEMANTICS 10, 13).
 *
 * Rules shown: 1, 2, 3, 5, 6, 7, 8, 10, 12, 13, 14. Kernel features: file
 * objects and positions, share checking, page cache hits, extending writes.
 * Needs only the base kernel (no APCs, no ports).
 *
 * Expected output on the simulated kernel:
 *   synchronous handle:
 *     ReadFile 100 bytes, no OVERLAPPED -> TRUE, 100 bytes, position 100
 *     ReadFile 100 bytes, Offset=1000 -> TRUE, 100 bytes, position 1100
 *   DuplicateHandle (same file object):
 *     ReadFile 50 bytes through the copy -> original's position 1150
 *   ReOpenFile, still synchronous (new file object):
 *     its own position 0
 *   ReOpenFile adding FILE_FLAG_OVERLAPPED:
 *     ReadFile without OVERLAPPED -> FALSE, error 87 ERROR_INVALID_PARAMETER
 *     ReadFile 100 bytes at 131072 -> FALSE, error 997 ERROR_IO_PENDING, Internal=0x103
 *     after waiting on the handle -> Internal=0x0 InternalHigh=100
 *     ReadFile 100 bytes at 0 (cached) -> TRUE at once, Internal=0x0 InternalHigh=100, handle signaled
 *   share modes (data.bin is open for reading, shared for reading only):
 *     CreateFile asking to write -> error 32 ERROR_SHARING_VIOLATION
 *     ReOpenFile sharing nothing -> error 32 ERROR_SHARING_VIOLATION
 *     CreateFile asking for no data access -> opened
 *   overlapped write extending an empty file:
 *     WriteFile 512 bytes at 0 -> TRUE at once, Internal=0x0 InternalHigh=512
 */
#include <windows.h>
#include <stdio.h>

#pragma sim file("data.bin", 262144)
#pragma sim file("log.txt", 0)
#pragma sim disk(latency_us=2000, jitter_us=0, parallel=4, sector=512, cache=on)

static const char *ErrorName(DWORD error)
{
    switch (error) {
    case ERROR_INVALID_PARAMETER:  return "ERROR_INVALID_PARAMETER";
    case ERROR_IO_PENDING:         return "ERROR_IO_PENDING";
    case ERROR_SHARING_VIOLATION:  return "ERROR_SHARING_VIOLATION";
    case ERROR_HANDLE_EOF:         return "ERROR_HANDLE_EOF";
    default:                       return "(unexpected)";
    }
}

/* Asking to move by 0 from the current position reports the position. */
static LONGLONG Position(HANDLE h)
{
    LARGE_INTEGER zero;
    LARGE_INTEGER pos;
    zero.QuadPart = 0;
    pos.QuadPart = -1;
    SetFilePointerEx(h, zero, &pos, FILE_CURRENT);
    return pos.QuadPart;
}

static BYTE g_buf[512];

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    DWORD n = 0;
    BOOL ok;

    /* 1. A synchronous handle: no FILE_FLAG_OVERLAPPED. */
    printf("synchronous handle:\n");
    HANDLE sync = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (sync == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed: error %lu\n", GetLastError());
        return 1;
    }
    /* Blocks until the data is here; reads at, and advances, the position. */
    ok = ReadFile(sync, g_buf, 100, &n, NULL);
    printf("  ReadFile 100 bytes, no OVERLAPPED -> %s, %lu bytes, position %lld\n",
           ok ? "TRUE" : "FALSE", n, Position(sync));

    /* An OVERLAPPED on a synchronous handle is legal: it supplies the
       offset, the call still blocks, and the position ends after the data. */
    OVERLAPPED at = {0};
    at.Offset = 1000;
    ok = ReadFile(sync, g_buf, 100, &n, &at);
    printf("  ReadFile 100 bytes, Offset=1000 -> %s, %lu bytes, position %lld\n",
           ok ? "TRUE" : "FALSE", n, Position(sync));

    /* 2. DuplicateHandle: another name for the same file object. */
    printf("DuplicateHandle (same file object):\n");
    HANDLE copy = NULL;
    if (!DuplicateHandle(GetCurrentProcess(), sync, GetCurrentProcess(), &copy,
                         0, FALSE, DUPLICATE_SAME_ACCESS)) {
        printf("DuplicateHandle failed: error %lu\n", GetLastError());
        return 1;
    }
    ReadFile(copy, g_buf, 50, &n, NULL);
    printf("  ReadFile 50 bytes through the copy -> original's position %lld\n",
           Position(sync));

    /* 3. ReOpenFile with the same flags: a new open, so a new position. */
    printf("ReOpenFile, still synchronous (new file object):\n");
    HANDLE again = ReOpenFile(sync, GENERIC_READ, FILE_SHARE_READ, 0);
    if (again == INVALID_HANDLE_VALUE) {
        printf("ReOpenFile failed: error %lu\n", GetLastError());
        return 1;
    }
    printf("  its own position %lld\n", Position(again));

    /* 4. ReOpenFile adding FILE_FLAG_OVERLAPPED: the flag belongs to the
       file object, so only a new open can change it. */
    printf("ReOpenFile adding FILE_FLAG_OVERLAPPED:\n");
    HANDLE over = ReOpenFile(sync, GENERIC_READ, FILE_SHARE_READ, FILE_FLAG_OVERLAPPED);
    if (over == INVALID_HANDLE_VALUE) {
        printf("ReOpenFile failed: error %lu\n", GetLastError());
        return 1;
    }

    /* No position to read from: the request is refused outright. */
    ok = ReadFile(over, g_buf, 100, &n, NULL);
    DWORD err = ok ? 0 : GetLastError();
    printf("  ReadFile without OVERLAPPED -> %s, error %lu %s\n",
           ok ? "TRUE" : "FALSE", err, ErrorName(err));

    /* The cache holds whole 64 KiB blocks; nobody has touched the block at
       131072 yet, so this read goes to the disk. */
    OVERLAPPED uncached = {0};
    uncached.Offset = 131072;
    ok = ReadFile(over, g_buf, 100, NULL, &uncached);
    err = ok ? 0 : GetLastError();
    printf("  ReadFile 100 bytes at 131072 -> %s, error %lu %s, Internal=0x%lX\n",
           ok ? "TRUE" : "FALSE", err, ErrorName(err), (DWORD)uncached.Internal);
    /* One request in flight on this file object, so its signal is ours. */
    WaitForSingleObject(over, INFINITE);
    printf("  after waiting on the handle -> Internal=0x%lX InternalHigh=%lu\n",
           (DWORD)uncached.Internal, (DWORD)uncached.InternalHigh);

    /* Offset 0 was read through the synchronous handle in step 1, so the
       cache has it: the request finishes inside ReadFile. The file object
       was reset when it started and set again at completion, as always. */
    OVERLAPPED cached = {0};
    cached.Offset = 0;
    ok = ReadFile(over, g_buf, 100, NULL, &cached);
    printf("  ReadFile 100 bytes at 0 (cached) -> %s, Internal=0x%lX InternalHigh=%lu, handle %s\n",
           ok ? "TRUE at once" : "FALSE", (DWORD)cached.Internal, (DWORD)cached.InternalHigh,
           WaitForSingleObject(over, 0) == WAIT_OBJECT_0 ? "signaled" : "not signaled");

    /* 5. Share modes. Every open so far asked for read access and shared
       only reading. */
    printf("share modes (data.bin is open for reading, shared for reading only):\n");

    /* Asking for write access that the existing opens did not share. */
    HANDLE writer = CreateFile(TEXT("data.bin"), GENERIC_WRITE,
                               FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                               OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    err = writer == INVALID_HANDLE_VALUE ? GetLastError() : 0;
    printf("  CreateFile asking to write -> error %lu %s\n", err, ErrorName(err));
    if (writer != INVALID_HANDLE_VALUE)
        CloseHandle(writer);

    /* The reverse: the existing opens hold read access, and this open will
       not share reading. ReOpenFile is checked like any other open. */
    HANDLE alone = ReOpenFile(sync, GENERIC_READ, 0, FILE_FLAG_OVERLAPPED);
    err = alone == INVALID_HANDLE_VALUE ? GetLastError() : 0;
    printf("  ReOpenFile sharing nothing -> error %lu %s\n", err, ErrorName(err));
    if (alone != INVALID_HANDLE_VALUE)
        CloseHandle(alone);

    /* An open that asks for no data access at all (to read attributes, for
       instance) takes no part in sharing, even sharing nothing itself. */
    HANDLE meta = CreateFile(TEXT("data.bin"), 0, 0, NULL,
                             OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (meta != INVALID_HANDLE_VALUE) {
        printf("  CreateFile asking for no data access -> opened\n");
        CloseHandle(meta);
    } else {
        printf("  CreateFile asking for no data access -> error %lu\n", GetLastError());
    }

    /* 6. A write that extends the file's end is done synchronously by the
       file system, so even an overlapped WriteFile returns TRUE at once. */
    printf("overlapped write extending an empty file:\n");
    HANDLE log = CreateFile(TEXT("log.txt"), GENERIC_WRITE, 0, NULL,
                            OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (log == INVALID_HANDLE_VALUE) {
        printf("CreateFile log.txt failed: error %lu\n", GetLastError());
        return 1;
    }
    memset(g_buf, 'x', sizeof(g_buf));
    OVERLAPPED grow = {0};
    ok = WriteFile(log, g_buf, 512, NULL, &grow);
    if (!ok && GetLastError() == ERROR_IO_PENDING)
        WaitForSingleObject(log, INFINITE);   /* not expected here; be safe */
    printf("  WriteFile 512 bytes at 0 -> %s, Internal=0x%lX InternalHigh=%lu\n",
           ok ? "TRUE at once" : "FALSE (pending)", (DWORD)grow.Internal,
           (DWORD)grow.InternalHigh);

    CloseHandle(log);
    CloseHandle(over);
    CloseHandle(again);
    CloseHandle(copy);
    CloseHandle(sync);
    return 0;
}
