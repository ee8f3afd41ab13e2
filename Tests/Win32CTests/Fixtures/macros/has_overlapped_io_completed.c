#include <windows.h>
#include <stdio.h>

int main(void) {
    OVERLAPPED o = {0};
    o.Internal = STATUS_PENDING;
    printf("%d\n", HasOverlappedIoCompleted(&o) ? 1 : 0);
    o.Internal = 0xC0000011;
    printf("%d\n", HasOverlappedIoCompleted(&o) ? 1 : 0);
    LPOVERLAPPED p = &o;
    p->Internal = 0;
    if (HasOverlappedIoCompleted(p)) printf("completed\n");
    return 0;
}
// expect: 0
// expect: 1
// expect: completed
