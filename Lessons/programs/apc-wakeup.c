/*
 * apc-wakeup.c - QueueUserAPC as a clean way to tell a waiting thread to stop.
 *
 * A thread blocked in an alertable wait can be woken by queuing a user APC
 * to it: the wait runs the APC and returns WAIT_IO_COMPLETION (SEMANTICS 20,
 * 21). The APC function runs on the target thread, so it can simply set that
 * thread's own "stop" flag; the thread sees the flag when its wait returns
 * and leaves its loop - no extra event, no TerminateThread.
 *
 *   - "sleeper" idles in SleepEx(INFINITE, TRUE) until the stop APC arrives.
 *   - "server" takes work items from a semaphore with
 *     WaitForSingleObjectEx(..., TRUE). Main releases 3 items and queues the
 *     stop APC right away, yet the server handles all 3 items first: while
 *     the semaphore is signaled, it satisfies the wait before queued APCs
 *     are considered (SEMANTICS 22). Only the wait that finds no item runs
 *     the APC. So the count below does not depend on timing.
 *   - Once a thread has exited, QueueUserAPC to it fails (SEMANTICS 24).
 *
 * Rules shown: 20, 21, 22, 24. Kernel features: user APC queues, alertable
 * SleepEx and WaitForSingleObjectEx, semaphores, thread exit codes. Needs
 * the alertable-I/O (APC) part of the kernel.
 *
 * Expected output on the simulated kernel:
 *   sleeper: SleepEx returned 0xC0 (WAIT_IO_COMPLETION), stop flag set, exit code 0
 *   server: handled 3 items, then the wait returned 0xC0 (WAIT_IO_COMPLETION), exit code 3
 *   QueueUserAPC to the exited server -> FALSE, error 31 (ERROR_GEN_FAILURE)
 */
#include <windows.h>
#include <stdio.h>

#pragma sim cpus(2)

#define ITEMS 3

typedef struct WORKER {
    volatile LONG stop;      /* set by the stop APC, on the worker itself */
    DWORD lastWait;          /* what the wait that ended the loop returned */
} WORKER;

static WORKER g_sleeper;
static WORKER g_server;
static HANDLE g_items;       /* semaphore: one count per work item */

/* Runs inside the target's alertable wait, on the target thread. */
static VOID CALLBACK StopApc(ULONG_PTR param)
{
    WORKER *w = (WORKER *)param;
    w->stop = TRUE;
}

static DWORD WINAPI Sleeper(LPVOID param)
{
    SetThreadDescription(GetCurrentThread(), L"sleeper");
    while (!g_sleeper.stop)
        g_sleeper.lastWait = SleepEx(INFINITE, TRUE);
    return 0;
}

static DWORD WINAPI Server(LPVOID param)
{
    SetThreadDescription(GetCurrentThread(), L"server");
    DWORD handled = 0;
    while (!g_server.stop) {
        DWORD w = WaitForSingleObjectEx(g_items, INFINITE, TRUE);
        g_server.lastWait = w;
        if (w == WAIT_OBJECT_0) {
            SimCompute(1000);        /* one work item */
            handled++;
        }
        /* WAIT_IO_COMPLETION: an APC ran; the loop test looks at the flag. */
    }
    return handled;                  /* the exit code reports the work done */
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    g_items = CreateSemaphore(NULL, 0, 100, NULL);

    HANDLE sleeper = CreateThread(NULL, 0, Sleeper, NULL, 0, NULL);
    HANDLE server = CreateThread(NULL, 0, Server, NULL, 0, NULL);

    /* Let both reach their alertable waits first. (An APC queued to a thread
       that has not started yet runs before its thread function even
       begins; that is not what this program is about.) Virtual time makes
       a short Sleep a reliable way to wait for that here. */
    Sleep(10);

    ReleaseSemaphore(g_items, ITEMS, NULL);
    SimNote("3 items released, then stop APCs queued");
    QueueUserAPC(StopApc, sleeper, (ULONG_PTR)&g_sleeper);
    QueueUserAPC(StopApc, server, (ULONG_PTR)&g_server);

    HANDLE both[2];
    both[0] = sleeper;
    both[1] = server;
    WaitForMultipleObjects(2, both, TRUE, INFINITE);

    DWORD code = 0;
    GetExitCodeThread(sleeper, &code);
    printf("sleeper: SleepEx returned 0x%lX (%s), stop flag %s, exit code %lu\n",
           g_sleeper.lastWait,
           g_sleeper.lastWait == WAIT_IO_COMPLETION ? "WAIT_IO_COMPLETION" : "?",
           g_sleeper.stop ? "set" : "clear", code);
    GetExitCodeThread(server, &code);
    printf("server: handled %lu items, then the wait returned 0x%lX (%s), exit code %lu\n",
           code, g_server.lastWait,
           g_server.lastWait == WAIT_IO_COMPLETION ? "WAIT_IO_COMPLETION" : "?", code);

    /* The server is gone: there is no thread left to run an APC. */
    BOOL ok = QueueUserAPC(StopApc, server, (ULONG_PTR)&g_server);
    DWORD err = ok ? 0 : GetLastError();
    printf("QueueUserAPC to the exited server -> %s, error %lu (%s)\n",
           ok ? "TRUE" : "FALSE", err,
           err == ERROR_GEN_FAILURE ? "ERROR_GEN_FAILURE" : "?");

    CloseHandle(sleeper);
    CloseHandle(server);
    CloseHandle(g_items);
    return 0;
}
