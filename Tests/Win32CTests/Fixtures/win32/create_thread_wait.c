#include <windows.h>
#include <stdio.h>

DWORD WINAPI Worker(LPVOID param) {
    int n = *(int *)param;
    printf("worker got %d\n", n);
    return (DWORD)(n * 2);
}

int main(void) {
    int arg = 21;
    DWORD tid = 0;
    HANDLE t = CreateThread(NULL, 0, Worker, &arg, 0, &tid);
    printf("created %d\n", t != NULL && tid != 0);
    DWORD w = WaitForSingleObject(t, INFINITE);
    DWORD code = 0;
    GetExitCodeThread(t, &code);
    printf("wait %lu exit %lu\n", w, code);
    CloseHandle(t);
    return 0;
}
// skip: needs kernel
// expect: created 1
// expect: worker got 21
// expect: wait 0 exit 42
