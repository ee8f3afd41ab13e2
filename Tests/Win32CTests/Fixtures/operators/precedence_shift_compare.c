#include <stdio.h>

int main(void) {
    printf("%d\n", 1 << 2 + 1);
    printf("%d\n", 1 << 3 < 9);
    printf("%d\n", 5 > 3 == 1);
    printf("%d\n", 1 == 1 < 2);
    printf("%d\n", 6 & 3 == 3);
    printf("%d\n", 1 | 2 ^ 3 & 4);
    return 0;
}
// expect: 8
// expect: 1
// expect: 1
// expect: 1
// expect: 0
// expect: 3
