#include <stdio.h>

int main(void) {
    printf("%d %i %u\n", -5, 17, 3000000000u);
    printf("%d\n", 0);
    printf("%u\n", -1);
    return 0;
}
// expect: -5 17 3000000000
// expect: 0
// expect: 4294967295
