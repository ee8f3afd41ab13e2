#include <windows.h>
#include <stdio.h>
#pragma sim file("x.dat", 4096)

int main(void) {
    HANDLE h = CreateFile(TEXT("x.dat"), GENERIC_READ, FILE_SHARE_READ, NULL,
                          OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    OVERLAPPED o = {0};
    DWORD n = 77;
    o.Internal = STATUS_PENDING;
    BOOL ok = GetOverlappedResult(h, &o, &n, FALSE);
    printf("%d %lu %lu\n", ok, GetLastError(), n);
    o.Internal = 0;
    o.InternalHigh = 55;
    ok = GetOverlappedResult(h, &o, &n, FALSE);
    printf("%d %lu\n", ok, n);
    o.Internal = 0xC0000011;
    o.InternalHigh = 0;
    ok = GetOverlappedResult(h, &o, &n, TRUE);
    printf("%d %lu\n", ok, GetLastError());
    CloseHandle(h);
    return 0;
}
// skip: needs kernel
// expect: 0 996 77
// expect: 1 55
// expect: 0 38
