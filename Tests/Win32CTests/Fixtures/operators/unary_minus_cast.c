#include <stdio.h>

int main(void) {
    int x = 7;
    printf("%d\n", -x * 2);
    printf("%d\n", -(x * 2));
    printf("%d\n", (char)300);
    printf("%d\n", (unsigned char)-1);
    printf("%d\n", (short)70000);
    printf("%u\n", (unsigned)-1);
    printf("%d\n", - -x);
    return 0;
}
// expect: -14
// expect: -14
// expect: 44
// expect: 255
// expect: 4464
// expect: 4294967295
// expect: 7
