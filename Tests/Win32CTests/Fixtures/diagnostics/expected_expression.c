#include <stdio.h>

int main(void) {
    int x;
    x = ;
    return 0;
}
// error 5:9: expected
