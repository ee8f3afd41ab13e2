#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void)
{
    time_t start = time(NULL);
    time_t copy = 0;
    time(&copy);
    printf("%d %d\n", start > 1700000000, copy == start);
    srand((unsigned)time(NULL));
    int r = rand();
    printf("%d\n", r >= 0 && r <= RAND_MAX);
    clock_t c0 = clock();
    Sleep(2000);
    clock_t c1 = clock();
    printf("%d %d\n", (c1 - c0) >= 2 * CLOCKS_PER_SEC, time(NULL) - start >= 2);
    return 0;
}
// skip: needs kernel
// expect: 1 1
// expect: 1
// expect: 1 1
