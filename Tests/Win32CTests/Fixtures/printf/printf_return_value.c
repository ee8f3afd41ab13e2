#include <stdio.h>

int main(void) {
    int n = printf("hello\n");
    printf("%d\n", n);
    return 0;
}
// expect: hello
// expect: 6
