#include <stdio.h>

/* Older code declares its own boolean; that still works. */
typedef enum { false, true } bool;

static bool Positive(int n) { return n > 0 ? true : false; }

int main(void)
{
    bool a = Positive(5), b = Positive(-5);
    printf("%d %d %d\n", a, b, (int)sizeof(bool));
    return 0;
}
// expect: 1 0 4
