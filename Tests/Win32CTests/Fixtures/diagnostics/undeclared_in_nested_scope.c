#include <stdio.h>

int main(void) {
    {
        int inner = 5;
        printf("%d\n", inner);
    }
    printf("%d\n", inner);
    for (int i = 0; i < 2; i++) {
    }
    return i;
}
// error 8:20: undeclared
// error 11:12: undeclared
