#include <windows.h>
#include <stdio.h>

BOOL is_odd(unsigned n);

BOOL is_even(unsigned n) {
    return n == 0 ? TRUE : is_odd(n - 1);
}

BOOL is_odd(unsigned n) {
    return n == 0 ? FALSE : is_even(n - 1);
}

int main(void) {
    printf("%d %d %d\n", is_even(10), is_odd(7), is_even(3));
    return 0;
}
// expect: 1 1 0
