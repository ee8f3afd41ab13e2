/* Thread lifetimes: STILL_ACTIVE while running, then the routine's return value. */
#include <windows.h>
#include <stdio.h>
#include <process.h>

static HANDLE go;

static unsigned __stdcall Worker(void *arg)
{
    WaitForSingleObject(go, INFINITE);
    return (unsigned)(ULONG_PTR)arg * 3;
}

int main(void)
{
    go = CreateEvent(NULL, TRUE, FALSE, NULL);
    unsigned id = 0;
    HANDLE t = (HANDLE)_beginthreadex(NULL, 0, Worker, (void *)14, 0, &id);
    DWORD code = 0;
    GetExitCodeThread(t, &code);
    printf("before: %s, id nonzero: %d\n", code == STILL_ACTIVE ? "STILL_ACTIVE" : "exited", id != 0);
    printf("wait with timeout: %lu\n", WaitForSingleObject(t, 5));
    SetEvent(go);
    printf("wait: %lu\n", WaitForSingleObject(t, INFINITE));
    GetExitCodeThread(t, &code);
    printf("after: %lu\n", code);
    CloseHandle(t);
    CloseHandle(go);
    return 0;
}
