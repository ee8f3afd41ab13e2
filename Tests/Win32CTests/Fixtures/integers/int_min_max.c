#include <windows.h>
#include <stdio.h>

int main(void) {
    int mx = 2147483647;
    int mn = -2147483647 - 1;
    printf("%d %d\n", mx, mn);
    printf("%u\n", (unsigned)mx + 1u);
    printf("%lld\n", (long long)mn - 1);
    printf("%x\n", mn);
    printf("%lu\n", (DWORD)~0u);
    return 0;
}
// expect: 2147483647 -2147483648
// expect: 2147483648
// expect: -2147483649
// expect: 80000000
// expect: 4294967295
