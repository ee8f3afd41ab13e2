#include <windows.h>
#include <stdio.h>

int main(void) {
    HANDLE ev = CreateEvent(NULL, TRUE, FALSE, NULL);
    printf("%lu\n", WaitForSingleObject(ev, 0));
    SetEvent(ev);
    printf("%lu\n", WaitForSingleObject(ev, 0));
    printf("%lu\n", WaitForSingleObject(ev, 0));
    ResetEvent(ev);
    printf("%lu\n", WaitForSingleObject(ev, 0));
    CloseHandle(ev);
    return 0;
}
// skip: needs kernel
// expect: 258
// expect: 0
// expect: 0
// expect: 258
