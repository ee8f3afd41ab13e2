#include <stdio.h>

int main(void) {
    int i = 5;
    int n = (int)sizeof(i++);
    printf("%d %d\n", n, i);
    int *p = NULL;
    printf("%d\n", (int)sizeof(*p));
    return 0;
}
// expect: 4 5
// expect: 4
