#include <stdio.h>

int sum(int n, ...) {
    return n;
}

int main(void) {
    return 0;
}
// error 3:16: not supported
