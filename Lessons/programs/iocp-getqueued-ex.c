/*
 * iocp-getqueued-ex.c - GetQueuedCompletionStatusEx: several packets per call.
 *
 * GetQueuedCompletionStatus returns one packet per call, so a busy server
 * pays one kernel transition per completion. The Ex form fills an array of
 * OVERLAPPED_ENTRY with up to ulCount packets, oldest first, in one call
 * (SEMANTICS 35). Ten packets with room for four per call take three calls:
 * 4, 4 and 2; a fourth call with a zero timeout finds nothing and fails with
 * WAIT_TIMEOUT.
 *
 * The Ex form can also wait alertably, but it only does so when nothing is
 * queued: queued packets win over pending APCs. Below, an APC is queued to
 * this thread and two packets are posted; the alertable call returns the
 * packets and leaves the APC alone. The next alertable call finds the port
 * empty, runs the APC and fails with WAIT_IO_COMPLETION (SEMANTICS 20, 21).
 *
 * Posted packets stand in for I/O completions here: a completed read
 * arrives in exactly the same form.
 *
 * Rules shown: 20, 21, 33, 35, 36. Kernel features: completion port,
 * multi-packet dequeue, alertable port wait, user APCs. Needs the
 * completion-port and APC parts of the kernel.
 *
 * Expected output on the simulated kernel:
 *   posted 10 packets
 *   call 1: TRUE, 4 packets: [key 1, 100 bytes, req 1] [key 2, 200 bytes, req 2] [key 3, 300 bytes, req 3] [key 4, 400 bytes, req 4]
 *   call 2: TRUE, 4 packets: [key 5, 500 bytes, req 5] [key 6, 600 bytes, req 6] [key 7, 700 bytes, req 7] [key 8, 800 bytes, req 8]
 *   call 3: TRUE, 2 packets: [key 9, 900 bytes, req 9] [key 10, 1000 bytes, req 10]
 *   call 4: FALSE, error 258 (WAIT_TIMEOUT)
 *   10 packets in 3 successful calls
 *   APC queued, 2 packets posted
 *   alertable call: TRUE, 2 packets, APC has run: no
 *   alertable call: FALSE, error 192 (WAIT_IO_COMPLETION), APC has run: yes
 */
#include <windows.h>
#include <stdio.h>

#define PACKETS  10
#define PER_CALL 4

static OVERLAPPED g_requests[PACKETS + 1];   /* index 0 unused */
static LONG       g_apcRan;

static VOID CALLBACK MarkApc(ULONG_PTR param)
{
    g_apcRan = (LONG)param;
}

static void PrintEntries(const OVERLAPPED_ENTRY *entries, ULONG count)
{
    for (ULONG i = 0; i < count; i++) {
        /* The OVERLAPPED pointer tells which request this is. */
        long req = (long)(entries[i].lpOverlapped - g_requests);
        printf(" [key %lu, %lu bytes, req %ld]", (DWORD)entries[i].lpCompletionKey,
               entries[i].dwNumberOfBytesTransferred, req);
    }
    printf("\n");
}

int main(void)
{
    SetThreadDescription(GetCurrentThread(), L"main");
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);

    for (DWORD i = 1; i <= PACKETS; i++)
        PostQueuedCompletionStatus(port, i * 100, (ULONG_PTR)i, &g_requests[i]);
    printf("posted %d packets\n", PACKETS);

    OVERLAPPED_ENTRY entries[PER_CALL];
    int calls = 0;
    int received = 0;
    for (int call = 1; ; call++) {
        ULONG got = 0;
        BOOL ok = GetQueuedCompletionStatusEx(port, entries, PER_CALL, &got, 0, FALSE);
        if (!ok) {
            DWORD err = GetLastError();
            printf("call %d: FALSE, error %lu (%s)\n", call, err,
                   err == WAIT_TIMEOUT ? "WAIT_TIMEOUT" : "?");
            break;
        }
        printf("call %d: TRUE, %lu packet%s:", call, got, got == 1 ? "" : "s");
        PrintEntries(entries, got);
        calls++;
        received += (int)got;
    }
    printf("%d packets in %d successful calls\n", received, calls);

    /* Packets queued and an APC pending: the packets are returned first. */
    QueueUserAPC(MarkApc, GetCurrentThread(), 1);
    PostQueuedCompletionStatus(port, 0, 11, NULL);
    PostQueuedCompletionStatus(port, 0, 12, NULL);
    printf("APC queued, 2 packets posted\n");
    for (int i = 0; i < 2; i++) {
        ULONG got = 0;
        BOOL ok = GetQueuedCompletionStatusEx(port, entries, PER_CALL, &got, INFINITE, TRUE);
        if (ok) {
            printf("alertable call: TRUE, %lu packets, APC has run: %s\n", got,
                   g_apcRan ? "yes" : "no");
        } else {
            DWORD err = GetLastError();
            printf("alertable call: FALSE, error %lu (%s), APC has run: %s\n", err,
                   err == WAIT_IO_COMPLETION ? "WAIT_IO_COMPLETION" : "?",
                   g_apcRan ? "yes" : "no");
        }
    }

    CloseHandle(port);
    return 0;
}
