#include <windows.h>
#include <stdio.h>

int main(void) {
    HANDLE a = CreateEvent(NULL, TRUE, FALSE, NULL);
    HANDLE b = CreateEvent(NULL, TRUE, FALSE, NULL);
    DWORD r = SignalObjectAndWait(a, b, 0, FALSE);
    printf("%lu %lu\n", r, WaitForSingleObject(a, 0));
    SetEvent(b);
    r = SignalObjectAndWait(a, b, 0, FALSE);
    printf("%lu\n", r);
    return 0;
}
// skip: needs kernel
// expect: 258 0
// expect: 0
