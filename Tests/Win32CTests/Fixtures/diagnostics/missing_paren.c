#include <stdio.h>

int main(void) {
    int x = 3;
    if (x > 1 {
        printf("big\n");
    }
    return 0;
}
// error 5:15: expected ')'
