#include <windows.h>
#include <process.h>
#include <stdio.h>

unsigned __stdcall Job(void *arg) {
    printf("job %d\n", *(int *)arg);
    return 9;
}

int main(void) {
    int v = 3;
    HANDLE t = (HANDLE)_beginthreadex(NULL, 0, Job, &v, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    DWORD code = 0;
    GetExitCodeThread(t, &code);
    printf("code %lu\n", code);
    CloseHandle(t);
    return 0;
}
// skip: needs kernel
// expect: job 3
// expect: code 9
