#include <stdio.h>

int main(void) {
    int n = 4;
    *n = 3;
    return 0;
}
// error 5:5: type
