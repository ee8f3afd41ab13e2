#include <stdio.h>

int main(void) {
    int n = 4;
    n(2);
    return 0;
}
// error 5:5: not a function
