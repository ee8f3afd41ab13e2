#include <stdio.h>

void set_ptr(int **out, int *target) {
    *out = target;
}

int main(void) {
    int x = 5, y = 9;
    int *p = &x;
    set_ptr(&p, &y);
    printf("%d\n", *p);
    int **pp = &p;
    **pp += 1;
    printf("%d\n", y);
    return 0;
}
// expect: 9
// expect: 10
