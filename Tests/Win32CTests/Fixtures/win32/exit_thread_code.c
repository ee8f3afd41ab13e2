#include <windows.h>
#include <stdio.h>

DWORD WINAPI Quitter(LPVOID p) {
    printf("thread %d\n", GetCurrentThreadId() != 0);
    ExitThread(5);
    printf("not reached\n");
    return 1;
}

int main(void) {
    HANDLE t = CreateThread(NULL, 0, Quitter, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    DWORD code = 0;
    GetExitCodeThread(t, &code);
    printf("exit %lu\n", code);
    CloseHandle(t);
    return 0;
}
// skip: needs kernel
// expect: thread 1
// expect: exit 5
