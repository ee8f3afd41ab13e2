#include <windows.h>
#include <stdio.h>

static SRWLOCK lock = SRWLOCK_INIT;
static int *shared;

static DWORD WINAPI Writer(LPVOID param)
{
    int id = (int)(ULONG_PTR)param;
    for (int i = 0; i < 20; i++) {
        AcquireSRWLockExclusive(&lock);
        int v = shared[0];
        Sleep(0);
        shared[0] = v + id;
        ReleaseSRWLockExclusive(&lock);
    }
    return 0;
}

int main(void)
{
    HANDLE heap = GetProcessHeap();
    shared = (int *)HeapAlloc(heap, HEAP_ZERO_MEMORY, 16 * sizeof(int));
    printf("zeroed: %d %d\n", shared[0], shared[15]);
    HANDLE a = CreateThread(NULL, 0, Writer, (LPVOID)1, 0, NULL);
    HANDLE b = CreateThread(NULL, 0, Writer, (LPVOID)2, 0, NULL);
    HANDLE both[2] = { a, b };
    WaitForMultipleObjects(2, both, TRUE, INFINITE);
    printf("sum=%d\n", shared[0]);
    printf("try: %d\n", TryAcquireSRWLockExclusive(&lock));
    printf("try again: %d\n", TryAcquireSRWLockExclusive(&lock));
    ReleaseSRWLockExclusive(&lock);
    int *bigger = (int *)HeapReAlloc(heap, HEAP_ZERO_MEMORY, shared, 64 * sizeof(int));
    printf("kept: %d new: %d\n", bigger[0], bigger[63]);
    printf("freed: %d\n", HeapFree(heap, 0, bigger));
    ULONG id = HandleToULong(a);
    printf("round trip: %d\n", ULongToHandle(id) == a);
    CloseHandle(a);
    CloseHandle(b);
    return 0;
}
// skip: needs kernel
// expect: zeroed: 0 0
// expect: sum=60
// expect: try: 1
// expect: try again: 0
// expect: kept: 60 new: 0
// expect: freed: 1
// expect: round trip: 1
