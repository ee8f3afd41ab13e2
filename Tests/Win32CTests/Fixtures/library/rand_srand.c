#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    /* Without srand, the MSVC runtime starts from seed 1. */
    int a = rand(), b = rand(), c = rand();
    printf("%d %d %d\n", a, b, c);
    srand(1);
    printf("%d\n", rand());
    srand(12345);
    int d = rand();
    printf("%d %d\n", d >= 0 && d <= RAND_MAX, RAND_MAX);
    return 0;
}
// expect: 41 18467 6334
// expect: 41
// expect: 1 32767
