#include <windows.h>
#include <stdio.h>

int main(void) {
    OVERLAPPED o = {0};
    printf("%llu %llu %lu %lu %d\n", (ULONGLONG)o.Internal, (ULONGLONG)o.InternalHigh, o.Offset, o.OffsetHigh, o.hEvent == NULL);
    o.Offset = 0x1000;
    o.OffsetHigh = 1;
    ULONGLONG off = ((ULONGLONG)o.OffsetHigh << 32) | o.Offset;
    printf("%llu\n", off);
    o.Internal = 0x103;
    printf("%d\n", HasOverlappedIoCompleted(&o));
    o.Internal = 0;
    printf("%d\n", HasOverlappedIoCompleted(&o));
    return 0;
}
// expect: 0 0 0 0 1
// expect: 4294971392
// expect: 0
// expect: 1
