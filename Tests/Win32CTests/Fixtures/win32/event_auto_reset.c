#include <windows.h>
#include <stdio.h>

int main(void) {
    HANDLE ev = CreateEvent(NULL, FALSE, TRUE, NULL);
    printf("%lu\n", WaitForSingleObject(ev, 0));
    printf("%lu\n", WaitForSingleObject(ev, 0));
    SetEvent(ev);
    SetEvent(ev);
    printf("%lu\n", WaitForSingleObject(ev, 0));
    printf("%lu\n", WaitForSingleObject(ev, 0));
    CloseHandle(ev);
    return 0;
}
// skip: needs kernel
// expect: 0
// expect: 258
// expect: 0
// expect: 258
