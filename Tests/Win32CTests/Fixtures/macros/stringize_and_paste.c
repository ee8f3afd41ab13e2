#include <windows.h>
#include <stdio.h>

#define STR(x) #x
#define XSTR(x) STR(x)
#define SHOW(expr) printf("%s = %d\n", #expr, (expr))
#define CHECK(call) if (!(call)) printf("failed: %s\n", #call)
#define GLUE(a, b) a##b
#define MAKE_NAME(n) value_##n
#define SIZE 64

int main(void)
{
    int value_1 = 10, value_2 = 20;
    int GLUE(my, Var) = 5;
    SHOW(value_1 + value_2);
    SHOW(MAKE_NAME(2) * myVar);
    printf("%s %s\n", STR(SIZE), XSTR(SIZE));
    printf("%s\n", STR(  spaced   out  "quoted\n" 'c' ));
    printf("%d\n", GLUE(1, 2) + 1);
    CHECK(value_1 == 11);
    return 0;
}
// expect: value_1 + value_2 = 30
// expect: MAKE_NAME(2) * myVar = 100
// expect: SIZE 64
// expect: spaced out "quoted\n" 'c'
// expect: 13
// expect: failed: value_1 == 11
