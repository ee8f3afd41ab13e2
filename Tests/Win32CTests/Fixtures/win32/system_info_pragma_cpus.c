#include <windows.h>
#include <stdio.h>
#pragma sim cpus(4)

int main(void) {
    SYSTEM_INFO si = {0};
    GetSystemInfo(&si);
    printf("%lu\n", si.dwNumberOfProcessors);
    return 0;
}
// skip: needs kernel
// expect: 4
