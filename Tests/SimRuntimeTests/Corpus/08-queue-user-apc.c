/* QueueUserAPC: the routine runs only when the target thread waits alertably. */
#include <windows.h>
#include <stdio.h>

static HANDLE ready;

static VOID NTAPI Greet(ULONG_PTR parameter)
{
    printf("APC ran with %llu\n", (unsigned long long)parameter);
}

static DWORD WINAPI Sleeper(LPVOID unused)
{
    SetEvent(ready);
    DWORD r = SleepEx(INFINITE, TRUE);
    printf("SleepEx returned 0x%lX\n", r);
    return 7;
}

int main(void)
{
    ready = CreateEvent(NULL, FALSE, FALSE, NULL);
    HANDLE t = CreateThread(NULL, 0, Sleeper, NULL, 0, NULL);
    WaitForSingleObject(ready, INFINITE);
    Sleep(10);
    QueueUserAPC(Greet, t, 42);
    WaitForSingleObject(t, INFINITE);
    DWORD code;
    GetExitCodeThread(t, &code);
    printf("thread exit code %lu\n", code);
    CloseHandle(t);
    CloseHandle(ready);
    return 0;
}
