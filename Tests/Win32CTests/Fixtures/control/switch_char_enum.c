#include <stdio.h>

int main(void) {
    const char *ops = "+-*/?";
    int a = 12, b = 4;
    for (const char *p = ops; *p; p++) {
        switch (*p) {
        case '+': printf("%d\n", a + b); break;
        case '-': printf("%d\n", a - b); break;
        case '*': printf("%d\n", a * b); break;
        case '/': printf("%d\n", a / b); break;
        default: printf("?\n"); break;
        }
    }
    return 0;
}
// expect: 16
// expect: 8
// expect: 48
// expect: 3
// expect: ?
