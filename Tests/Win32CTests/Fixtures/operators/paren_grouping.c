#include <stdio.h>

int main(void) {
    int a = 2, b = 3, c = 4;
    printf("%d\n", a * (b + c));
    printf("%d\n", ((a + b) * (c - a)) << 1);
    printf("%d\n", (a & b) | (c ^ 1));
    printf("%d\n", a == 2 ? (b, c) : a);
    return 0;
}
// expect: 14
// expect: 20
// expect: 7
// expect: 4
