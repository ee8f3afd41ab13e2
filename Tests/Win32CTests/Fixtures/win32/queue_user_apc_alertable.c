#include <windows.h>
#include <stdio.h>

VOID CALLBACK Apc(ULONG_PTR param) {
    printf("apc %llu\n", (ULONGLONG)param);
}

int main(void) {
    QueueUserAPC(Apc, GetCurrentThread(), 1);
    QueueUserAPC(Apc, GetCurrentThread(), 2);
    printf("queued\n");
    DWORD r = SleepEx(0, FALSE);
    printf("non-alertable %lu\n", r);
    r = SleepEx(INFINITE, TRUE);
    printf("alertable %lu\n", r);
    return 0;
}
// skip: needs kernel
// expect: queued
// expect: non-alertable 0
// expect: apc 1
// expect: apc 2
// expect: alertable 192
