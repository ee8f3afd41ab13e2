#include <stdio.h>

int main(void) {
    int a = 3, b = 7;
    printf("%d %d %d %d %d %d\n", a < b, a > b, a <= 3, b >= 8, a == b, a != b);
    return 0;
}
// expect: 1 0 1 0 0 1
