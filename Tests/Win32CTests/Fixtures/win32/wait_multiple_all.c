#include <windows.h>
#include <stdio.h>

int main(void) {
    HANDLE ev[2];
    ev[0] = CreateEvent(NULL, FALSE, FALSE, NULL);
    ev[1] = CreateEvent(NULL, FALSE, FALSE, NULL);
    SetEvent(ev[0]);
    printf("%lu\n", WaitForMultipleObjects(2, ev, TRUE, 0));
    printf("%lu\n", WaitForSingleObject(ev[0], 0));
    SetEvent(ev[0]);
    SetEvent(ev[1]);
    printf("%lu\n", WaitForMultipleObjects(2, ev, TRUE, 0));
    printf("%lu %lu\n", WaitForSingleObject(ev[0], 0), WaitForSingleObject(ev[1], 0));
    return 0;
}
// skip: needs kernel
// expect: 258
// expect: 0
// expect: 0
// expect: 258 258
