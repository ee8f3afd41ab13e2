/*
 * iocp-lifo.c - which waiting thread gets the next packet? The newest one.
 *
 * Threads blocked in GetQueuedCompletionStatus form a LIFO: a packet goes to
 * the thread that most recently started waiting (SEMANTICS 29). The point of
 * LIFO is that a thread which has just finished a packet and come back is
 * "warm" (its stack and data are still in the cache) while the others can
 * stay idle and even be paged out.
 *
 * Four workers park one after another (worker 1 first, worker 4 last).
 *   Round 1: main posts a packet, lets it be handled, and posts the next.
 *            Each time the same worker - the one that came back last - gets
 *            it: worker 4 does all the work, workers 1-3 never wake.
 *   Round 2: main posts four packets at once (the limit is 4, so each one is
 *            handed out immediately). They go down the stack: worker 4,
 *            then 3, 2, 1.
 * Every worker records which packets it got; main prints after the pool has
 * ended, so printing cannot disturb the order.
 *
 * (Wine wakes port waiters in FIFO order, so it disagrees here; Windows and
 * this kernel use LIFO.)
 *
 * Rules shown: 25, 29, 30, 36. Kernel features: completion port waiter LIFO,
 * posted packets. Needs the completion-port part of the kernel.
 *
 * Expected output on the simulated kernel:
 *   workers parked in order: 1, 2, 3, 4
 *   round 1, one packet at a time:
 *     packet 1 -> worker 4
 *     packet 2 -> worker 4
 *     packet 3 -> worker 4
 *     packet 4 -> worker 4
 *   round 2, four packets at once:
 *     packet 5 -> worker 4
 *     packet 6 -> worker 3
 *     packet 7 -> worker 2
 *     packet 8 -> worker 1
 */
#include <windows.h>
#include <stdio.h>

#pragma sim cpus(2)

#define WORKERS     4
#define CONCURRENCY 4      /* high enough that no packet has to queue */
#define PACKETS     8
#define KEY_WORK    1
#define KEY_QUIT    2

static HANDLE g_port;
static LONG   g_gotBy[PACKETS + 1];

static const WCHAR *const g_names[WORKERS + 1] = {
    L"", L"worker 1", L"worker 2", L"worker 3", L"worker 4"
};

static DWORD WINAPI Worker(LPVOID param)
{
    LONG me = (LONG)(ULONG_PTR)param;
    SetThreadDescription(GetCurrentThread(), g_names[me]);
    for (;;) {
        DWORD packet = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        if (!GetQueuedCompletionStatus(g_port, &packet, &key, &ov, INFINITE) || key == KEY_QUIT)
            break;
        g_gotBy[packet] = me;
        SimCompute(500);             /* handling takes half a millisecond */
    }
    return 0;
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    g_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, CONCURRENCY);

    /* Start them one by one and give each time to block, so the waiter
       stack is, from the top: worker 4, 3, 2, 1. */
    HANDLE threads[WORKERS];
    for (int i = 0; i < WORKERS; i++) {
        threads[i] = CreateThread(NULL, 0, Worker, (LPVOID)(ULONG_PTR)(i + 1), 0, NULL);
        Sleep(2);
    }

    /* Round 1: 2 ms between packets is ample for the 0.5 ms of handling, so
       the worker is back on top of the stack before the next one. */
    SimNote("round 1: one packet at a time");
    for (DWORD p = 1; p <= 4; p++) {
        PostQueuedCompletionStatus(g_port, p, KEY_WORK, NULL);
        Sleep(2);
    }

    /* Round 2: all four before anyone can come back. */
    SimNote("round 2: four packets at once");
    for (DWORD p = 5; p <= 8; p++)
        PostQueuedCompletionStatus(g_port, p, KEY_WORK, NULL);
    Sleep(2);

    for (int i = 0; i < WORKERS; i++)
        PostQueuedCompletionStatus(g_port, 0, KEY_QUIT, NULL);
    WaitForMultipleObjects(WORKERS, threads, TRUE, INFINITE);

    printf("workers parked in order: 1, 2, 3, 4\n");
    printf("round 1, one packet at a time:\n");
    for (int p = 1; p <= 4; p++)
        printf("  packet %d -> worker %ld\n", p, g_gotBy[p]);
    printf("round 2, four packets at once:\n");
    for (int p = 5; p <= 8; p++)
        printf("  packet %d -> worker %ld\n", p, g_gotBy[p]);

    for (int i = 0; i < WORKERS; i++)
        CloseHandle(threads[i]);
    CloseHandle(g_port);
    return 0;
}
