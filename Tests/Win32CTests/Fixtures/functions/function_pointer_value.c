#include <stdio.h>

int add(int a, int b) { return a + b; }
int mul(int a, int b) { return a * b; }

int main(void) {
    int (*op)(int, int) = add;
    printf("%d\n", op(3, 4));
    op = mul;
    printf("%d\n", op(3, 4));
    op = &add;
    printf("%d\n", (*op)(10, 5));
    printf("%d\n", op == add);
    return 0;
}
// expect: 7
// expect: 12
// expect: 15
// expect: 1
