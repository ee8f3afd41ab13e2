#include <stdio.h>

int main(void) {
    int a[5] = {10, 20, 30, 40, 50};
    int *p = a;
    printf("%d %d\n", *(p + 2), p[4]);
    int *q = &a[4];
    printf("%d\n", (int)(q - p));
    q -= 3;
    printf("%d\n", *q);
    printf("%d\n", 2[a]);
    printf("%d\n", p < q);
    return 0;
}
// expect: 30 50
// expect: 4
// expect: 20
// expect: 30
// expect: 1
