/* Timing with QueryPerformanceCounter and GetTickCount64 on virtual time. */
#include <windows.h>
#include <stdio.h>

int main(void)
{
    LARGE_INTEGER frequency, start, stop;
    QueryPerformanceFrequency(&frequency);
    QueryPerformanceCounter(&start);
    ULONGLONG ticks = GetTickCount64();
    Sleep(50);
    SimCompute(2000);
    QueryPerformanceCounter(&stop);
    LONGLONG micros = (stop.QuadPart - start.QuadPart) * 1000000 / frequency.QuadPart;
    printf("elapsed at least 52 ms: %d\n", micros >= 52000);
    printf("tick count advanced at least 50 ms: %d\n", GetTickCount64() - ticks >= 50);
    return 0;
}
