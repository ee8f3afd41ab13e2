#include <stdio.h>

int main(void) {
    int i = 99;
    for (int i = 0; i < 3; i++) {
        int sq = i * i;
        printf("%d ", sq);
    }
    printf("| %d\n", i);
    for (int a = 0, b = 5; a < b; a++, b--) printf("%d%d,", a, b);
    printf("\n");
    int total = 0;
    for (;;) {
        if (++total == 4) break;
    }
    printf("%d\n", total);
    return 0;
}
// expect: 0 1 4 | 99
// expect: 05,14,23,
// expect: 4
