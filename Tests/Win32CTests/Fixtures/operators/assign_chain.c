#include <stdio.h>

int main(void) {
    int a, b, c;
    a = b = c = 7;
    printf("%d %d %d\n", a, b, c);
    int d = (a = 2) + 1;
    printf("%d %d\n", a, d);
    a += b -= 3;
    printf("%d %d\n", a, b);
    return 0;
}
// expect: 7 7 7
// expect: 2 3
// expect: 6 4
