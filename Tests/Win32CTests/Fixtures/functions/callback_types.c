#include <windows.h>
#include <stdio.h>

VOID CALLBACK Done(DWORD dwErrorCode, DWORD dwBytes, LPOVERLAPPED lpOverlapped) {
    printf("done %lu %lu %lu\n", dwErrorCode, dwBytes, lpOverlapped->Offset);
}

VOID CALLBACK Apc(ULONG_PTR param) {
    printf("apc %llu\n", (ULONGLONG)param);
}

int main(void) {
    LPOVERLAPPED_COMPLETION_ROUTINE cr = Done;
    PAPCFUNC af = Apc;
    OVERLAPPED o = {0};
    o.Offset = 64;
    cr(0, 10, &o);
    af(5);
    return 0;
}
// expect: done 0 10 64
// expect: apc 5
