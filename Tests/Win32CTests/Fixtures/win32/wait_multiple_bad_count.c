#include <windows.h>
#include <stdio.h>

int main(void) {
    HANDLE ev[65];
    for (int i = 0; i < 65; i++) ev[i] = CreateEvent(NULL, TRUE, TRUE, NULL);
    DWORD r = WaitForMultipleObjects(65, ev, FALSE, 0);
    printf("%lX %lu\n", r, GetLastError());
    SetLastError(0);
    r = WaitForMultipleObjects(0, ev, FALSE, 0);
    printf("%lX %lu\n", r, GetLastError());
    r = WaitForMultipleObjects(64, ev, FALSE, 0);
    printf("%lu\n", r);
    return 0;
}
// skip: needs kernel
// expect: FFFFFFFF 87
// expect: FFFFFFFF 87
// expect: 0
