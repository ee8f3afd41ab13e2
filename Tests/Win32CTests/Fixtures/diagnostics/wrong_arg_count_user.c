#include <stdio.h>

int add(int a, int b) {
    return a + b;
}

int main(void) {
    int s = add(1);
    int t = add(1, 2, 3);
    printf("%d %d\n", s, t);
    return 0;
}
// error 8:13: arguments
// error 9:13: arguments
