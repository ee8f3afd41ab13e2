#include <stdio.h>

int main(void) {
    int x;
    int y;
    x = 1 y = 2;
    printf("%d %d\n", x, y);
    return 0;
}
// error 6:11: expected ';'
