#include <stdio.h>

int main(void) {
    printf("a");
    printf("b");
    printf("%s", "c");
    printf("\n");
    printf("x\ny\n");
    return 0;
}
// expect: abc
// expect: x
// expect: y
