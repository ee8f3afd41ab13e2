#include <stdio.h>

int main(void) {
    int a[10];
    int x = 3;
    printf("%d\n", (int)sizeof a);
    printf("%d\n", (int)sizeof(a) / (int)sizeof(a[0]));
    printf("%d\n", (int)sizeof x);
    printf("%d\n", (int)sizeof(x + 1LL));
    printf("%d\n", (int)sizeof(char) + (int)sizeof(short));
    printf("%d\n", (int)sizeof "hello");
    return 0;
}
// expect: 40
// expect: 10
// expect: 4
// expect: 8
// expect: 3
// expect: 6
