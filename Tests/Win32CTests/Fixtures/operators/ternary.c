#include <stdio.h>

int main(void) {
    for (int n = -1; n <= 1; n++) {
        const char *s = n < 0 ? "neg" : n == 0 ? "zero" : "pos";
        printf("%s\n", s);
    }
    int a = 4, b = 9;
    int m = a > b ? a : b;
    printf("%d\n", m);
    int k = 0;
    (k ? a : b) > 5 ? printf("big\n") : printf("small\n");
    return 0;
}
// expect: neg
// expect: zero
// expect: pos
// expect: 9
// expect: big
