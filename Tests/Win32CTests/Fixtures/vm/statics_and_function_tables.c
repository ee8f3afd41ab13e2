#include <windows.h>
#include <stdio.h>

static int Add(int a, int b) { return a + b; }
static int Mul(int a, int b) { return a * b; }
typedef int (*BINOP)(int, int);
static BINOP table[] = { Add, Mul };
static const char *names[] = { "add", "mul" };

int Counter(void) {
    static int calls = 100;
    return ++calls;
}

int main(void) {
    for (int i = 0; i < (int)_countof(table); i++)
        printf("%s=%d\n", names[i], table[i](6, 7));
    Counter();
    printf("calls=%d\n", Counter());
    return 0;
}
// expect: add=13
// expect: mul=42
// expect: calls=102
