#include <windows.h>
#include <stdio.h>

static HANDLE lock;

static DWORD WINAPI Stuck(LPVOID p)
{
    WaitForSingleObject(lock, INFINITE);   /* takes the mutex */
    Sleep(INFINITE);                       /* and never lets go */
    return 0;
}

int main(void)
{
    lock = CreateMutex(NULL, FALSE, NULL);
    HANDLE t = CreateThread(NULL, 0, Stuck, NULL, 0, NULL);
    Sleep(5);
    printf("terminate: %d\n", TerminateThread(t, 99));
    printf("wait thread: %lu\n", WaitForSingleObject(t, INFINITE));
    DWORD code;
    GetExitCodeThread(t, &code);
    printf("exit code: %lu\n", code);
    printf("wait mutex: 0x%lX\n", WaitForSingleObject(lock, 0));
    ReleaseMutex(lock);
    BOOL killed = TerminateThread(lock, 1);
    printf("bad handle: %d %lu\n", killed, GetLastError());
    CloseHandle(t);
    CloseHandle(lock);
    return 0;
}
// skip: needs kernel
// expect: terminate: 1
// expect: wait thread: 0
// expect: exit code: 99
// expect: wait mutex: 0x80
// expect: bad handle: 0 6
