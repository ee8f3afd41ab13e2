#include <windows.h>
#include <stdio.h>

int square(int x) { return x * x; }

int main(void) {
    int total = 0;
    for (int i = 0; i < 10; i++) total += square(i);
    printf("total=%d\n", total);
    return 3;
}
// expect: total=285
// exit: 3
