#include <windows.h>
#include <stdio.h>

int main(void) {
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    printf("cpus %lu\n", si.dwNumberOfProcessors);
    printf("page %lu\n", si.dwPageSize);
    printf("granularity %lu\n", si.dwAllocationGranularity);
    return 0;
}
// skip: needs kernel
// expect: cpus 2
// expect: page 4096
// expect: granularity 65536
