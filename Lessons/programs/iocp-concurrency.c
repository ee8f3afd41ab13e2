/*
 * iocp-concurrency.c - the port's running count: a worker that blocks lets
 * another one in, and the count can end up above the limit.
 *
 * A port with concurrency limit 2 and four workers. The port counts its
 * threads that are "running" (on a CPU or ready). When a running worker
 * blocks in any other wait - here a Sleep in the middle of item 1 - the
 * count drops and the port releases the newest waiting worker with the next
 * packet (SEMANTICS 31). When the sleeper wakes, it counts as running again
 * at once, limit or not: three workers run under a limit of two. The port
 * then releases nobody until the count falls back below the limit:
 *   - the worker that finishes first asks for more while 3 are running, so
 *     after its own decrement the count is still 2 - it blocks even though
 *     item 4 is queued (SEMANTICS 30);
 *   - the next one to ask brings the count to 1 and takes item 4 at once,
 *     ahead of the workers already waiting (SEMANTICS 30 again).
 *
 * The program keeps its own count of workers between "got an item" and
 * "asks for the next", minus those asleep, and records the peak; SimNote
 * marks the moments in the trace. The machine has 4 CPUs so that every
 * running worker is really on a CPU and the count is observable from C;
 * the port's limit, not the CPUs, is what the lesson is about. (On 2 CPUs
 * the port still counts 3, but the sleeper wakes with no priority boost -
 * a timeout carries none - so it cannot preempt the two workers computing
 * at the same priority: it waits for a CPU before it can count itself.)
 *
 * Timeline, in virtual ms after the first post:
 *   0  worker 4 takes item 1, worker 3 item 2
 *   1  worker 4 sleeps -> worker 2 takes item 3
 *   3  worker 4 wakes: 3 running under a limit of 2
 *   4  worker 4 asks again -> blocks, though item 4 is queued
 *   6  worker 3 asks -> takes item 4 at once
 *   9  worker 2 finishes item 3
 *
 * Rules shown: 25, 29, 30, 31, 32. Kernel features: completion port running
 * count, LIFO waiters, posted packets, Sleep by an associated thread. Needs
 * the completion-port part of the kernel.
 *
 * Expected output on the simulated kernel:
 *   item 1 -> worker 4 (sleeps half-way)
 *   item 2 -> worker 3
 *   item 3 -> worker 2
 *   item 4 -> worker 3
 *   most workers running at once: 3 (port limit 2)
 */
#include <windows.h>
#include <stdio.h>

#pragma sim cpus(4)

#define WORKERS     4
#define CONCURRENCY 2
#define ITEMS       4
#define KEY_ITEM    1
#define KEY_QUIT    2

/* CPU time per item in microseconds; item 1 also sleeps in the middle. */
static const DWORD g_itemWorkUs[ITEMS + 1] = { 0, 1000, 6000, 8000, 2000 };
#define ITEM1_SLEEP_MS 2

static HANDLE        g_port;
static HANDLE        g_itemsDone;
static volatile LONG g_running;      /* our own count, see above */
static volatile LONG g_peak;
static volatile LONG g_finished;
static LONG          g_takenBy[ITEMS + 1];

static const WCHAR *const g_names[WORKERS + 1] = {
    L"", L"worker 1", L"worker 2", L"worker 3", L"worker 4"
};

static void Running(LONG delta)
{
    LONG now = InterlockedExchangeAdd(&g_running, delta) + delta;
    LONG peak = g_peak;
    while (now > peak) {             /* raise the peak without a lock */
        LONG seen = InterlockedCompareExchange(&g_peak, now, peak);
        if (seen == peak)
            break;
        peak = seen;
    }
}

static DWORD WINAPI Worker(LPVOID param)
{
    LONG me = (LONG)(ULONG_PTR)param;
    SetThreadDescription(GetCurrentThread(), g_names[me]);
    for (;;) {
        DWORD item = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        if (!GetQueuedCompletionStatus(g_port, &item, &key, &ov, INFINITE) || key == KEY_QUIT)
            break;
        Running(+1);
        g_takenBy[item] = me;

        if (item == 1) {
            SimCompute(g_itemWorkUs[item]);
            SimNote("worker blocks in Sleep: the port releases a waiter");
            Running(-1);
            Sleep(ITEM1_SLEEP_MS);   /* any blocking wait has this effect */
            Running(+1);
            SimNote("sleeper is back: running count above the limit");
        }
        SimCompute(g_itemWorkUs[item]);

        Running(-1);                 /* about to ask the port again */
        if (InterlockedIncrement(&g_finished) == ITEMS)
            SetEvent(g_itemsDone);
    }
    return 0;
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    g_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, CONCURRENCY);
    g_itemsDone = CreateEvent(NULL, TRUE, FALSE, NULL);

    HANDLE threads[WORKERS];
    for (int i = 0; i < WORKERS; i++) {
        threads[i] = CreateThread(NULL, 0, Worker, (LPVOID)(ULONG_PTR)(i + 1), 0, NULL);
        Sleep(1);   /* park them in order: worker 4 is the newest waiter */
    }

    /* Items 1 and 2 go straight to the two newest waiters (the limit is 2);
       3 and 4 stay queued in the port. */
    for (DWORD item = 1; item <= ITEMS; item++)
        PostQueuedCompletionStatus(g_port, item, KEY_ITEM, NULL);

    WaitForSingleObject(g_itemsDone, INFINITE);
    for (int i = 0; i < WORKERS; i++)
        PostQueuedCompletionStatus(g_port, 0, KEY_QUIT, NULL);
    WaitForMultipleObjects(WORKERS, threads, TRUE, INFINITE);

    for (int item = 1; item <= ITEMS; item++)
        printf("item %d -> worker %ld%s\n", item, g_takenBy[item],
               item == 1 ? " (sleeps half-way)" : "");
    printf("most workers running at once: %ld (port limit %d)\n", g_peak, CONCURRENCY);

    for (int i = 0; i < WORKERS; i++)
        CloseHandle(threads[i]);
    CloseHandle(g_itemsDone);
    CloseHandle(g_port);
    return 0;
}
