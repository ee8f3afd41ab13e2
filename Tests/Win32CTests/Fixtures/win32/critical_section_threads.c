#include <windows.h>
#include <stdio.h>

static CRITICAL_SECTION lock;
static LONG total;
static LONG maxInside, inside;

static DWORD WINAPI Adder(LPVOID param)
{
    for (int i = 0; i < 50; i++) {
        EnterCriticalSection(&lock);
        inside++;
        if (inside > maxInside) maxInside = inside;
        LONG seen = total;
        Sleep(0);                 /* give the other thread every chance to interfere */
        total = seen + 1;
        EnterCriticalSection(&lock);   /* recursive entry, as Windows allows */
        LeaveCriticalSection(&lock);
        inside--;
        LeaveCriticalSection(&lock);
    }
    return 0;
}

int main(void)
{
    InitializeCriticalSection(&lock);
    HANDLE threads[3];
    for (int i = 0; i < 3; i++) threads[i] = CreateThread(NULL, 0, Adder, NULL, 0, NULL);
    WaitForMultipleObjects(3, threads, TRUE, INFINITE);
    printf("total=%ld maxInside=%ld\n", total, maxInside);
    EnterCriticalSection(&lock);
    printf("try from owner: %d\n", TryEnterCriticalSection(&lock));
    LeaveCriticalSection(&lock);
    LeaveCriticalSection(&lock);
    DeleteCriticalSection(&lock);
    for (int i = 0; i < 3; i++) CloseHandle(threads[i]);
    return 0;
}
// skip: needs kernel
// expect: total=150 maxInside=1
// expect: try from owner: 1
