#include <windows.h>
#include <stdio.h>

#define COUNT 4

int main(void) {
    HANDLE events[COUNT] = {0};
    printf("%d\n", (int)sizeof events);
    for (int i = 0; i < COUNT; i++) events[i] = (HANDLE)(ULONG_PTR)(0x40 + 4 * i);
    printf("%llu\n", (ULONG_PTR)events[COUNT - 1]);
    printf("%d\n", (int)_countof(events));
    return 0;
}
// expect: 32
// expect: 76
// expect: 4
