#include <stdio.h>

int main(void) {
    printf("%d\n", 2 + 3 * 4);
    printf("%d\n", (2 + 3) * 4);
    printf("%d\n", 20 - 6 / 2 - 1);
    printf("%d\n", 100 / 10 / 5);
    printf("%d\n", 7 - 2 - 1);
    printf("%d\n", 2 * 3 % 4);
    return 0;
}
// expect: 14
// expect: 20
// expect: 16
// expect: 2
// expect: 4
// expect: 2
