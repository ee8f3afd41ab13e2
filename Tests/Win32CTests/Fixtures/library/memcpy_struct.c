#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    OVERLAPPED a = {0}, b;
    a.Offset = 512;
    a.OffsetHigh = 2;
    memcpy(&b, &a, sizeof(OVERLAPPED));
    printf("%lu %lu\n", b.Offset, b.OffsetHigh);
    printf("%d\n", memcmp(&a, &b, sizeof a) == 0);
    return 0;
}
// expect: 512 2
// expect: 1
