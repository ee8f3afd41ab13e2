#include <windows.h>
#include <stdio.h>

int main(void) {
    HANDLE ev[3];
    for (int i = 0; i < 3; i++) ev[i] = CreateEvent(NULL, FALSE, FALSE, NULL);
    SetEvent(ev[2]);
    SetEvent(ev[1]);
    DWORD r = WaitForMultipleObjects(3, ev, FALSE, 0);
    printf("%lu\n", r - WAIT_OBJECT_0);
    r = WaitForMultipleObjects(3, ev, FALSE, 0);
    printf("%lu\n", r - WAIT_OBJECT_0);
    r = WaitForMultipleObjects(3, ev, FALSE, 0);
    printf("%lu\n", r);
    for (int i = 0; i < 3; i++) CloseHandle(ev[i]);
    return 0;
}
// skip: needs kernel
// expect: 1
// expect: 2
// expect: 258
