#include <stdio.h>

int main(void) {
    int x = 3;
    int y = (x + 1;
    printf("%d %d\n", x, y);
    return 0;
}
// error 5:19: expected ')'
