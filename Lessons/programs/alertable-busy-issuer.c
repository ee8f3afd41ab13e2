/*
 * alertable-busy-issuer.c - why alertable I/O does not scale: every
 * completion routine runs on the thread that issued the request.
 *
 * The main thread ("issuer") starts 16 reads with ReadFileEx, and each read
 * needs 2 ms of CPU work when it completes. Three helper threads sit in
 * alertable waits the whole time, with a CPU free for them - and do nothing.
 * A completion routine is an APC queued to the ISSUING thread (SEMANTICS
 * 20); being alertable is not enough to receive another thread's routines.
 * So while the issuer works through one routine, the next completions pile up
 * in its APC queue (visible in the view), and 32 ms of work runs on one CPU
 * while the other idles.
 *
 * Each routine records which thread it ran on; the helpers count every time
 * their alertable wait returned WAIT_IO_COMPLETION. The counts do not depend
 * on timing: they follow from the rule alone.
 *
 * Rules shown: 19, 20, 21. Kernel features: ReadFileEx, per-thread APC
 * queues, alertable waits (SleepEx, WaitForSingleObjectEx), two CPUs. Needs
 * the alertable-I/O part of the kernel.
 *
 * Expected output on the simulated kernel:
 *   16 reads, 65536 bytes
 *   completion routines run, per thread:
 *     issuer      16
 *     helper 1     0  (alertable waits woken by a routine: 0)
 *     helper 2     0  (alertable waits woken by a routine: 0)
 *     helper 3     0  (alertable waits woken by a routine: 0)
 */
#include <windows.h>
#include <stdio.h>

#pragma sim cpus(2)
#pragma sim file("data.bin", 131072)
#pragma sim disk(latency_us=1500, jitter_us=1000, parallel=4, sector=512, cache=off)
#pragma sim param(WORK_US, 2000)

#define READS   16
#define BLOCK   4096
#define STRIDE  8192
#define HELPERS 3
#define THREADS (HELPERS + 1)        /* index 0 is the issuer */

typedef struct READ_REQUEST {
    OVERLAPPED ov;
    BYTE       data[BLOCK];
} READ_REQUEST;

static READ_REQUEST g_requests[READS];
static DWORD  g_threadId[THREADS];
static LONG   g_routinesOn[THREADS];  /* routines run, by thread */
static LONG   g_helperWakes[THREADS]; /* WAIT_IO_COMPLETION seen by helpers */
static LONG   g_finished;
static DWORD  g_bytes;
static HANDLE g_quit;                 /* manual-reset: tells helpers to leave */

static const WCHAR *const g_names[THREADS] = {
    L"issuer", L"helper 1", L"helper 2", L"helper 3"
};

static int ThisThreadIndex(void)
{
    DWORD me = GetCurrentThreadId();
    for (int i = 0; i < THREADS; i++)
        if (g_threadId[i] == me)
            return i;
    return -1;
}

static VOID CALLBACK ReadDone(DWORD error, DWORD bytes, LPOVERLAPPED ov)
{
    int me = ThisThreadIndex();
    if (me >= 0)
        InterlockedIncrement(&g_routinesOn[me]);
    if (error == ERROR_SUCCESS)
        g_bytes += bytes;
    SimCompute(WORK_US);              /* the processing this completion needs */
    InterlockedIncrement(&g_finished);
}

/* A helper would gladly run routines: it waits alertably until told to quit. */
static DWORD WINAPI Helper(LPVOID param)
{
    int me = (int)(ULONG_PTR)param;
    SetThreadDescription(GetCurrentThread(), g_names[me]);
    for (;;) {
        DWORD w = WaitForSingleObjectEx(g_quit, INFINITE, TRUE);
        if (w == WAIT_IO_COMPLETION)
            InterlockedIncrement(&g_helperWakes[me]);   /* never happens here */
        else
            break;
    }
    return 0;
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), g_names[0]);
    g_threadId[0] = GetCurrentThreadId();
    g_quit = CreateEvent(NULL, TRUE, FALSE, NULL);

    HANDLE helpers[HELPERS];
    for (int i = 1; i <= HELPERS; i++)
        helpers[i - 1] = CreateThread(NULL, 0, Helper, (LPVOID)(ULONG_PTR)i, 0, &g_threadId[i]);

    HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, FILE_SHARE_READ, NULL,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed: error %lu\n", GetLastError());
        return 1;
    }

    SimNote("issuer starts 16 reads; helpers wait alertably");
    for (DWORD i = 0; i < READS; i++) {
        ZeroMemory(&g_requests[i].ov, sizeof(OVERLAPPED));
        g_requests[i].ov.Offset = i * STRIDE;
        if (!ReadFileEx(file, g_requests[i].data, BLOCK, &g_requests[i].ov, ReadDone)) {
            printf("ReadFileEx %lu failed: error %lu\n", i, GetLastError());
            return 1;
        }
    }

    /* Only this thread can run the routines, one after the other. */
    while (g_finished < READS)
        SleepEx(INFINITE, TRUE);
    SimNote("all routines ran on the issuer");

    SetEvent(g_quit);
    WaitForMultipleObjects(HELPERS, helpers, TRUE, INFINITE);

    printf("%d reads, %lu bytes\n", READS, g_bytes);
    printf("completion routines run, per thread:\n");
    printf("  %-10ls %3ld\n", g_names[0], g_routinesOn[0]);
    for (int i = 1; i <= HELPERS; i++)
        printf("  %-10ls %3ld  (alertable waits woken by a routine: %ld)\n",
               g_names[i], g_routinesOn[i], g_helperWakes[i]);

    for (int i = 0; i < HELPERS; i++)
        CloseHandle(helpers[i]);
    CloseHandle(g_quit);
    CloseHandle(file);
    return 0;
}
