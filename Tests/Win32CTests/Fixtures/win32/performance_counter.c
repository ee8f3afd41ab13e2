#include <windows.h>
#include <stdio.h>

int main(void) {
    LARGE_INTEGER freq, t0, t1;
    QueryPerformanceFrequency(&freq);
    printf("%lld\n", freq.QuadPart);
    QueryPerformanceCounter(&t0);
    Sleep(20);
    QueryPerformanceCounter(&t1);
    LONGLONG elapsed = t1.QuadPart - t0.QuadPart;
    printf("%d\n", elapsed >= 20000);
    return 0;
}
// skip: needs kernel
// expect: 1000000
// expect: 1
