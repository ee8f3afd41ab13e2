#include <windows.h>
#include <stdio.h>

int main(void) {
    printf("%p\n", (void *)0x1234);
    printf("%p\n", (void *)0);
    printf("%p\n", (HANDLE)(ULONG_PTR)0x9876543210ULL);
    return 0;
}
// expect: 0000000000001234
// expect: 0000000000000000
// expect: 0000009876543210
