#include <windows.h>
#include <stdio.h>

int main(void) {
    int a[17];
    HANDLE h[MAXIMUM_WAIT_OBJECTS];
    char s[] = "abc";
    OVERLAPPED ov[5];
    printf("%d %d %d %d\n", (int)_countof(a), (int)_countof(h), (int)_countof(s), (int)_countof(ov));
    return 0;
}
// expect: 17 64 4 5
