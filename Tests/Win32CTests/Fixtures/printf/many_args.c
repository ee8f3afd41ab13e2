#include <stdio.h>

int main(void) {
    printf("%d %d %d %d %d %d %d %d %d %d\n", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    printf("%s=%d %s=%lld %s=%c\n", "a", 1, "b", 2LL, "c", 'z');
    return 0;
}
// expect: 1 2 3 4 5 6 7 8 9 10
// expect: a=1 b=2 c=z
