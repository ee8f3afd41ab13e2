#include <windows.h>
#include <stdio.h>

int main(void) {
    int iterations = 0;
    for (DWORD i = 3; i < 10; i--) iterations++;
    printf("%d\n", iterations);
    unsigned char c = 0;
    int steps = 0;
    do { c++; steps++; } while (c != 0);
    printf("%d\n", steps);
    return 0;
}
// expect: 4
// expect: 256
