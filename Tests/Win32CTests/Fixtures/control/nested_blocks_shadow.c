#include <stdio.h>

int main(void) {
    int x = 1;
    {
        int x = 2;
        {
            int x = 3;
            printf("%d\n", x);
        }
        printf("%d\n", x);
    }
    printf("%d\n", x);
    {
        x = 10;
    }
    printf("%d\n", x);
    return 0;
}
// expect: 3
// expect: 2
// expect: 1
// expect: 10
