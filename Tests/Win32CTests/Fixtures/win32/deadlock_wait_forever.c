#include <windows.h>
#include <stdio.h>

int main(void) {
    HANDLE ev = CreateEvent(NULL, TRUE, FALSE, NULL);
    printf("waiting\n");
    WaitForSingleObject(ev, INFINITE);
    printf("never\n");
    return 0;
}
// skip: needs kernel
// expect: waiting
// runtime error: deadlock
