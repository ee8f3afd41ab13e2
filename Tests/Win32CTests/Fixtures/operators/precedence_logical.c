#include <stdio.h>

int main(void) {
    int t = 1, f = 0;
    printf("%d\n", t || f && f);
    printf("%d\n", (t || f) && f);
    printf("%d\n", !f && t);
    printf("%d\n", !(f && t));
    printf("%d\n", f || f || t);
    printf("%d\n", 3 && 4);
    printf("%d\n", 0 || -2);
    return 0;
}
// expect: 1
// expect: 0
// expect: 1
// expect: 1
// expect: 1
// expect: 1
// expect: 1
