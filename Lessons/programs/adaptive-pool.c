/*
 * adaptive-pool.c - a completion-port pool that grows and shrinks by itself.
 *
 * How many threads should serve a port? Enough that the CPUs stay busy when
 * work blocks, few enough not to waste memory and switches. This pool keeps
 * between MIN_THREADS and MAX_THREADS threads and adjusts with two counters
 * kept by Interlocked calls - threads in the pool, and threads busy with an
 * item - plus the machine's recent CPU use (SimCpuUsage, percent over the
 * last 100 ms):
 *   - grow: a thread that takes an item and finds EVERY thread busy adds
 *     one, if the pool is below its maximum and CPU use is below 75% (the
 *     CPUs have room, the threads are just blocked);
 *   - shrink: a thread leaves after an item when CPU use is above 90% (more
 *     threads would only compete), or when it waited IDLE_MS without getting
 *     anything - but never below the minimum, or nobody would be left to
 *     serve the port.
 * The pool counter is changed with compare-and-exchange so two threads can
 * never both take the last free (or last removable) slot.
 *
 * The load comes in four phases:
 *   1. 40 items that mostly wait (Sleep 8 ms, 0.4 ms of CPU): each Sleep lets
 *      the port release another thread (SEMANTICS 31), all threads end up
 *      busy while the CPUs idle -> the pool grows to the maximum.
 *   2. no work for 500 ms -> idle threads time out down to the minimum.
 *   3. the waiting load again -> grows to the maximum again.
 *   4. 80 items of pure CPU (4 ms each): the port lets only 2 run (its
 *      limit), CPU use climbs past 90% -> threads leave down to the minimum
 *      (the threads the port keeps waiting also time out).
 * Main waits for each phase to finish and prints the pool size.
 *
 * Rules shown: 25, 29-33, 36. Kernel features: completion port running
 * count, GetQueuedCompletionStatus timeouts, thread creation and exit,
 * SimCpuUsage, SimCompute. Needs the completion-port part of the kernel.
 *
 * Expected output on the simulated kernel (each count follows from the
 * thresholds with a wide margin; the golden run confirms them):
 *   pool: min 2, max 6, port concurrency 2
 *   phase 1, waiting work (40 items): 6 threads
 *   phase 2, idle for 500 ms: 2 threads
 *   phase 3, waiting work (40 items): 6 threads
 *   phase 4, CPU work (80 items): 2 threads
 *   threads started in all: 10, left early: 8
 */
#include <windows.h>
#include <stdio.h>

#pragma sim cpus(2)

#define MIN_THREADS  2
#define MAX_THREADS  6
#define CONCURRENCY  2
#define IDLE_MS      100
#define GROW_BELOW   75     /* percent CPU */
#define SHRINK_ABOVE 90     /* percent CPU */
#define MAX_STARTED  32     /* room for every thread handle we might keep */

#define KEY_ITEM 1
#define KEY_QUIT 2
#define WORK_WAITING 1      /* an item's kind travels in the byte count */
#define WORK_CPU     2

static HANDLE        g_port;
static HANDLE        g_phaseDone;
static volatile LONG g_inPool;      /* threads in the pool */
static volatile LONG g_busy;        /* threads handling an item */
static volatile LONG g_started;     /* threads ever started */
static volatile LONG g_left;        /* threads that left before shutdown */
static volatile LONG g_itemsDone;
static LONG          g_phaseItems;
static HANDLE        g_threads[MAX_STARTED];

static const WCHAR *const g_names[MAX_STARTED] = {
    L"pool 1", L"pool 2", L"pool 3", L"pool 4", L"pool 5", L"pool 6", L"pool 7", L"pool 8",
    L"pool 9", L"pool 10", L"pool 11", L"pool 12", L"pool 13", L"pool 14", L"pool 15", L"pool 16",
    L"pool 17", L"pool 18", L"pool 19", L"pool 20", L"pool 21", L"pool 22", L"pool 23", L"pool 24",
    L"pool 25", L"pool 26", L"pool 27", L"pool 28", L"pool 29", L"pool 30", L"pool 31", L"pool 32"
};

static DWORD WINAPI PoolThread(LPVOID param);

/* Claims a slot below the maximum, then starts a thread for it. */
static void TryGrow(void)
{
    for (;;) {
        LONG now = g_inPool;
        if (now >= MAX_THREADS || g_started >= MAX_STARTED)
            return;
        if (InterlockedCompareExchange(&g_inPool, now + 1, now) == now)
            break;
    }
    LONG index = InterlockedIncrement(&g_started) - 1;
    SimNote("pool grows");
    g_threads[index] = CreateThread(NULL, 0, PoolThread, (LPVOID)(ULONG_PTR)index, 0, NULL);
}

/* Gives up this thread's slot unless that would go below the minimum. */
static BOOL TryLeave(void)
{
    for (;;) {
        LONG now = g_inPool;
        if (now <= MIN_THREADS)
            return FALSE;
        if (InterlockedCompareExchange(&g_inPool, now - 1, now) == now)
            break;
    }
    InterlockedIncrement(&g_left);
    SimNote("pool shrinks");
    return TRUE;
}

static void DoItem(DWORD kind)
{
    if (kind == WORK_WAITING) {
        SimCompute(200);
        Sleep(8);            /* e.g. a call to another server */
        SimCompute(200);
    } else {
        SimCompute(4000);
    }
}

static DWORD WINAPI PoolThread(LPVOID param)
{
    SetThreadDescription(GetCurrentThread(), g_names[(ULONG_PTR)param]);
    for (;;) {
        DWORD kind = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        BOOL ok = GetQueuedCompletionStatus(g_port, &kind, &key, &ov, IDLE_MS);
        if (!ok && ov == NULL) {
            if (GetLastError() == WAIT_TIMEOUT) {
                if (TryLeave())
                    break;           /* idle, and the pool can spare us */
                continue;
            }
            break;                   /* the port is gone */
        }
        if (key == KEY_QUIT) {
            InterlockedDecrement(&g_inPool);
            break;
        }

        /* Everyone busy, room in the pool, and CPUs to spare? */
        LONG busy = InterlockedIncrement(&g_busy);
        if (busy == g_inPool && SimCpuUsage() < GROW_BELOW)
            TryGrow();

        DoItem(kind);

        InterlockedDecrement(&g_busy);
        if (InterlockedIncrement(&g_itemsDone) == g_phaseItems)
            SetEvent(g_phaseDone);

        /* CPUs saturated: one thread fewer competing for them. */
        if (SimCpuUsage() > SHRINK_ABOVE && TryLeave())
            break;
    }
    return 0;
}

/* Posts a phase's items and waits until all are handled. */
static void RunPhase(LONG items, DWORD kind)
{
    g_itemsDone = 0;
    g_phaseItems = items;
    ResetEvent(g_phaseDone);
    for (LONG i = 0; i < items; i++)
        PostQueuedCompletionStatus(g_port, kind, KEY_ITEM, NULL);
    WaitForSingleObject(g_phaseDone, INFINITE);
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    g_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, CONCURRENCY);
    g_phaseDone = CreateEvent(NULL, TRUE, FALSE, NULL);
    printf("pool: min %d, max %d, port concurrency %d\n", MIN_THREADS, MAX_THREADS, CONCURRENCY);

    for (int i = 0; i < MIN_THREADS; i++)
        TryGrow();

    SimNote("phase 1: waiting work");
    RunPhase(40, WORK_WAITING);
    printf("phase 1, waiting work (40 items): %ld threads\n", g_inPool);

    SimNote("phase 2: idle");
    Sleep(500);
    printf("phase 2, idle for 500 ms: %ld threads\n", g_inPool);

    SimNote("phase 3: waiting work again");
    RunPhase(40, WORK_WAITING);
    printf("phase 3, waiting work (40 items): %ld threads\n", g_inPool);

    SimNote("phase 4: CPU work");
    RunPhase(80, WORK_CPU);
    printf("phase 4, CPU work (80 items): %ld threads\n", g_inPool);

    printf("threads started in all: %ld, left early: %ld\n", g_started, g_left);

    /* Shutdown: one quit packet per remaining thread; each leaves on its own. */
    LONG remaining = g_inPool;
    for (LONG i = 0; i < remaining; i++)
        PostQueuedCompletionStatus(g_port, 0, KEY_QUIT, NULL);
    WaitForMultipleObjects((DWORD)g_started, g_threads, TRUE, INFINITE);

    for (LONG i = 0; i < g_started; i++)
        CloseHandle(g_threads[i]);
    CloseHandle(g_phaseDone);
    CloseHandle(g_port);
    return 0;
}
