/* An SRW lock (statically initialized) protects a counter updated by several threads. */
#include <windows.h>
#include <stdio.h>

#define THREADS 4
#define ROUNDS 25

static SRWLOCK lock = SRWLOCK_INIT;
static LONGLONG counter;

static DWORD WINAPI Bump(LPVOID p)
{
    for (int i = 0; i < ROUNDS; i++) {
        AcquireSRWLockExclusive(&lock);
        LONGLONG seen = counter;
        SimCompute(2);
        counter = seen + 1;
        ReleaseSRWLockExclusive(&lock);
    }
    return 0;
}

int main(void)
{
    HANDLE t[THREADS];
    for (int i = 0; i < THREADS; i++) t[i] = CreateThread(NULL, 0, Bump, NULL, 0, NULL);
    WaitForMultipleObjects(THREADS, t, TRUE, INFINITE);
    AcquireSRWLockShared(&lock);
    printf("counter %lld of %d\n", counter, THREADS * ROUNDS);
    ReleaseSRWLockShared(&lock);
    for (int i = 0; i < THREADS; i++) CloseHandle(t[i]);
    return 0;
}
