#include <stdio.h>

int Sum(a, b)
int a; int b;
{ return a + b; }

int main(void) {
    int x = 1
    FOO y = 2;
    printf("%d\n", Sum(x, y));
    return 0;
}
// error 3:9: K&R
// error 9:5: expected ';'
// error 9:5: unknown type name
