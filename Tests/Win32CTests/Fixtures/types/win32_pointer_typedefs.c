#include <windows.h>
#include <stdio.h>

int main(void) {
    BYTE bytes[4] = {1, 2, 3, 4};
    LPBYTE lb = bytes;
    PBYTE pb = bytes + 1;
    DWORD d = 10;
    PDWORD pd = &d;
    LONG l = -3;
    PLONG pl = &l;
    ULONG ul = 8;
    PULONG pul = &ul;
    ULONG_PTR up = 16;
    PULONG_PTR pup = &up;
    LARGE_INTEGER li;
    PLARGE_INTEGER pli = &li;
    pli->QuadPart = 1LL << 33;
    LPCVOID cv = bytes;
    printf("%d %d %lu %ld %lu %llu\n", lb[3], *pb, *pd, *pl, *pul, (ULONGLONG)*pup);
    printf("%lld %d\n", li.QuadPart, *(const BYTE *)cv);
    INT_PTR ip = -5;
    UINT_PTR uip = 5;
    LONG_PTR lp = -6;
    DWORD_PTR dp = 6;
    printf("%lld %llu %lld %llu\n", (LONGLONG)ip, (ULONGLONG)uip, (LONGLONG)lp, (ULONGLONG)dp);
    printf("%d %d %d %d\n", (int)sizeof(INT_PTR), (int)sizeof(UINT_PTR), (int)sizeof(LONG_PTR), (int)sizeof(PLARGE_INTEGER));
    return 0;
}
// expect: 4 2 10 -3 8 16
// expect: 8589934592 1
// expect: -5 5 -6 6
// expect: 8 8 8 8
