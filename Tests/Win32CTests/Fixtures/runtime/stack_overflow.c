#include <stdio.h>

int depth(int n) {
    char pad[64];
    pad[0] = (char)n;
    return depth(n + 1) + pad[0];
}

int main(void) {
    printf("descending\n");
    printf("%d\n", depth(0));
    return 0;
}
// expect: descending
// runtime error: stack overflow
