#include <stdio.h>

int main(void) {
    int v = 41;
    int *p = &v;
    *p = *p + 1;
    printf("%d\n", v);
    int **pp = &p;
    **pp = 7;
    printf("%d %d\n", v, *&v);
    return 0;
}
// expect: 42
// expect: 7 7
