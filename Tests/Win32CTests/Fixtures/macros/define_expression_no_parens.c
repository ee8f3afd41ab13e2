#include <stdio.h>

#define SUM 2 + 3
#define WRAPPED (2 + 3)

int main(void) {
    printf("%d\n", SUM * 10);
    printf("%d\n", WRAPPED * 10);
    return 0;
}
// expect: 32
// expect: 50
