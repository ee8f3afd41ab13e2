/*
 * iocp-shutdown.c - shutting a pool down with posted packets, the wrong way
 * and the right way.
 *
 * The usual way to stop a pool is to post one "quit" packet per thread.
 * That works only if a thread that receives a quit packet leaves AT ONCE.
 *
 * The pitfall. Here each worker just counts a quit packet and goes back to
 * GetQueuedCompletionStatus for more (as a worker does that only checks a
 * "stopping" flag at the top of its loop, or finishes some cleanup that
 * waits on the port). Because the port favours the thread that asks last
 * (SEMANTICS 29, 30), the packets meant for the others are taken by the same
 * thread. With a concurrency limit of 1 this does not even depend on timing:
 *   quit 1 goes to the newest waiter (A4); quits 2-4 must queue (1 running,
 *   limit 1); A4 comes back, which lowers the count, and takes quit 2 itself
 *   ahead of the waiting threads; then quit 3, quit 4.
 * One thread sees all four notifications, three see none and would wait
 * forever. We end them by closing the port: every waiter returns FALSE with
 * no packet and ERROR_ABANDONED_WAIT_0 (SEMANTICS 34).
 *
 * The fix. Each worker returns from its thread function as soon as it gets a
 * quit packet. A thread that has exited no longer counts as running, so the
 * port hands the next queued packet to the newest remaining waiter
 * (SEMANTICS 32): each thread gets exactly one, newest first, and a counter
 * of live threads reaches 0.
 *
 * (Wine neither wakes waiters in LIFO order nor releases them when the port
 * is closed, so part 1 behaves differently there; Windows and this kernel
 * follow the rules above.)
 *
 * Rules shown: 29, 30, 32, 33, 34, 36. Kernel features: completion port
 * with limit 1, posted packets, closing a port under waiters, thread exit
 * releasing a waiter. Needs the completion-port part of the kernel.
 *
 * Expected output on the simulated kernel:
 *   pitfall: workers count quit packets and loop back
 *     A1 saw 0 quit packets
 *     A2 saw 0 quit packets
 *     A3 saw 0 quit packets
 *     A4 saw 4 quit packets
 *     after CloseHandle(port) each left with error 735 (ERROR_ABANDONED_WAIT_0): 4 of 4
 *   fix: workers leave on their quit packet
 *     quit packet 1 -> B4
 *     quit packet 2 -> B3
 *     quit packet 3 -> B2
 *     quit packet 4 -> B1
 *     threads still in the pool: 0
 */
#include <windows.h>
#include <stdio.h>

#pragma sim cpus(2)

#define WORKERS  4
#define KEY_QUIT 1

/* ---- part 1: the pitfall ------------------------------------------------ */

static HANDLE        g_portA;
static HANDLE        g_allQuitsTaken;
static volatile LONG g_quitsTaken;
static LONG          g_quitsSeen[WORKERS + 1];
static DWORD         g_endError[WORKERS + 1];

static const WCHAR *const g_namesA[WORKERS + 1] = { L"", L"A1", L"A2", L"A3", L"A4" };
static const WCHAR *const g_namesB[WORKERS + 1] = { L"", L"B1", L"B2", L"B3", L"B4" };

static DWORD WINAPI LoopingWorker(LPVOID param)
{
    LONG me = (LONG)(ULONG_PTR)param;
    SetThreadDescription(GetCurrentThread(), g_namesA[me]);
    for (;;) {
        DWORD bytes = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        if (!GetQueuedCompletionStatus(g_portA, &bytes, &key, &ov, INFINITE)) {
            if (ov == NULL) {        /* no packet at all: the port is gone */
                g_endError[me] = GetLastError();
                break;
            }
            continue;
        }
        if (key == KEY_QUIT) {
            g_quitsSeen[me]++;
            if (InterlockedIncrement(&g_quitsTaken) == WORKERS)
                SetEvent(g_allQuitsTaken);
            continue;                /* THE BUG: back for another packet */
        }
    }
    return 0;
}

/* ---- part 2: the fix ---------------------------------------------------- */

static HANDLE        g_portB;
static volatile LONG g_alive;
static volatile LONG g_exitOrder;
static LONG          g_quitWentTo[WORKERS + 1];

static DWORD WINAPI LeavingWorker(LPVOID param)
{
    LONG me = (LONG)(ULONG_PTR)param;
    SetThreadDescription(GetCurrentThread(), g_namesB[me]);
    for (;;) {
        DWORD bytes = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        BOOL ok = GetQueuedCompletionStatus(g_portB, &bytes, &key, &ov, INFINITE);
        if ((!ok && ov == NULL) || key == KEY_QUIT)
            break;                   /* leave now, never ask again */
    }
    g_quitWentTo[InterlockedIncrement(&g_exitOrder)] = me;
    InterlockedDecrement(&g_alive);
    return 0;
}

/* Starts WORKERS threads and lets each block on the port before the next
   starts, so the newest waiter is always the last one created. */
static void StartPool(HANDLE *threads, LPTHREAD_START_ROUTINE body)
{
    for (int i = 0; i < WORKERS; i++) {
        threads[i] = CreateThread(NULL, 0, body, (LPVOID)(ULONG_PTR)(i + 1), 0, NULL);
        Sleep(1);
    }
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    HANDLE threads[WORKERS];

    /* Part 1. */
    printf("pitfall: workers count quit packets and loop back\n");
    g_portA = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    g_allQuitsTaken = CreateEvent(NULL, TRUE, FALSE, NULL);
    StartPool(threads, LoopingWorker);

    SimNote("pitfall: one quit packet per thread");
    for (int i = 0; i < WORKERS; i++)
        PostQueuedCompletionStatus(g_portA, 0, KEY_QUIT, NULL);
    WaitForSingleObject(g_allQuitsTaken, INFINITE);
    Sleep(1);   /* let the last taker get back into its wait */

    for (int w = 1; w <= WORKERS; w++)
        printf("  A%d saw %ld quit packets\n", w, g_quitsSeen[w]);

    SimNote("closing the port under its waiters");
    CloseHandle(g_portA);
    WaitForMultipleObjects(WORKERS, threads, TRUE, INFINITE);
    int abandoned = 0;
    for (int w = 1; w <= WORKERS; w++)
        if (g_endError[w] == ERROR_ABANDONED_WAIT_0)
            abandoned++;
    printf("  after CloseHandle(port) each left with error %lu (ERROR_ABANDONED_WAIT_0): %d of %d\n",
           (DWORD)ERROR_ABANDONED_WAIT_0, abandoned, WORKERS);
    for (int i = 0; i < WORKERS; i++)
        CloseHandle(threads[i]);
    CloseHandle(g_allQuitsTaken);

    /* Part 2. */
    printf("fix: workers leave on their quit packet\n");
    g_portB = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    g_alive = WORKERS;
    StartPool(threads, LeavingWorker);

    SimNote("fix: one quit packet per thread");
    for (int i = 0; i < WORKERS; i++)
        PostQueuedCompletionStatus(g_portB, 0, KEY_QUIT, NULL);
    WaitForMultipleObjects(WORKERS, threads, TRUE, INFINITE);

    for (int n = 1; n <= WORKERS; n++)
        printf("  quit packet %d -> B%ld\n", n, g_quitWentTo[n]);
    printf("  threads still in the pool: %ld\n", g_alive);

    for (int i = 0; i < WORKERS; i++)
        CloseHandle(threads[i]);
    CloseHandle(g_portB);
    return 0;
}
