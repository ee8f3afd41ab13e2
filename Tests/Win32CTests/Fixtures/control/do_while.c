#include <stdio.h>

int main(void) {
    int i = 100;
    do {
        printf("ran %d\n", i);
    } while (i < 10);
    int n = 0;
    do n += 2; while (n < 7);
    printf("%d\n", n);
    return 0;
}
// expect: ran 100
// expect: 8
