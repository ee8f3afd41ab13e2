#include <windows.h>
#include <stdio.h>

int main(void) {
    LARGE_INTEGER li;
    li.QuadPart = 0x0000000500000007LL;
    printf("%lu %ld\n", li.LowPart, li.HighPart);
    li.LowPart = 0xFFFFFFFF;
    li.HighPart = 0;
    li.QuadPart += 1;
    printf("%lld\n", li.QuadPart);
    printf("%lu %ld\n", li.u.LowPart, li.u.HighPart);
    printf("%d\n", (int)sizeof(li));
    return 0;
}
// expect: 7 5
// expect: 4294967296
// expect: 0 1
// expect: 8
