#include <windows.h>
#include <stdio.h>

int main(void) {
    HANDLE m = CreateMutex(NULL, TRUE, NULL);
    printf("%lu\n", WaitForSingleObject(m, 0));
    printf("%d\n", ReleaseMutex(m));
    printf("%d\n", ReleaseMutex(m));
    BOOL ok = ReleaseMutex(m);
    printf("%d %lu\n", ok, GetLastError());
    CloseHandle(m);
    return 0;
}
// skip: needs kernel
// expect: 0
// expect: 1
// expect: 1
// expect: 0 288
