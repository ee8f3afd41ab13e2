#include <stdio.h>

void greet(void);
int add(int, int);
static int twice(int x);

int main(void) {
    greet();
    printf("%d\n", add(2, twice(5)));
    return 0;
}

void greet(void) {
    printf("hello\n");
    return;
}

int add(int a, int b) { return a + b; }
static int twice(int x) { return 2 * x; }
// expect: hello
// expect: 12
