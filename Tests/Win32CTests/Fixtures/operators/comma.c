#include <stdio.h>

int main(void) {
    int a, b;
    a = (b = 3, b + 4);
    printf("%d %d\n", a, b);
    int i, j;
    for (i = 0, j = 10; i < j; i += 3, j -= 3)
        ;
    printf("%d %d\n", i, j);
    int x = (1, 2, 3);
    printf("%d\n", x);
    return 0;
}
// expect: 7 3
// expect: 6 4
// expect: 3
