/* Textbook bounded buffer: two semaphores count slots, a critical section guards the indexes. */
#include <windows.h>
#include <stdio.h>

#define SLOTS 4
#define ITEMS 40

static int ring[SLOTS];
static int head, tail;
static CRITICAL_SECTION guard;
static HANDLE emptySlots, fullSlots;

static DWORD WINAPI Producer(LPVOID p)
{
    for (int i = 1; i <= ITEMS; i++) {
        WaitForSingleObject(emptySlots, INFINITE);
        EnterCriticalSection(&guard);
        ring[head] = i;
        head = (head + 1) % SLOTS;
        LeaveCriticalSection(&guard);
        ReleaseSemaphore(fullSlots, 1, NULL);
    }
    return 0;
}

static DWORD WINAPI Consumer(LPVOID p)
{
    long sum = 0;
    for (int i = 0; i < ITEMS; i++) {
        WaitForSingleObject(fullSlots, INFINITE);
        EnterCriticalSection(&guard);
        sum += ring[tail];
        tail = (tail + 1) % SLOTS;
        LeaveCriticalSection(&guard);
        ReleaseSemaphore(emptySlots, 1, NULL);
        SimCompute(5);
    }
    return (DWORD)sum;
}

int main(void)
{
    InitializeCriticalSection(&guard);
    emptySlots = CreateSemaphore(NULL, SLOTS, SLOTS, NULL);
    fullSlots = CreateSemaphore(NULL, 0, SLOTS, NULL);
    HANDLE t[2] = { CreateThread(NULL, 0, Producer, NULL, 0, NULL), CreateThread(NULL, 0, Consumer, NULL, 0, NULL) };
    WaitForMultipleObjects(2, t, TRUE, INFINITE);
    DWORD sum;
    GetExitCodeThread(t[1], &sum);
    printf("consumed sum %lu (expected %d)\n", sum, ITEMS * (ITEMS + 1) / 2);
    DeleteCriticalSection(&guard);
    CloseHandle(t[0]);
    CloseHandle(t[1]);
    CloseHandle(emptySlots);
    CloseHandle(fullSlots);
    return 0;
}
