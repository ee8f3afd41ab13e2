#include <stdio.h>

int main(void) {
    int x = 10;
    x += 5;  printf("%d\n", x);
    x -= 3;  printf("%d\n", x);
    x *= 4;  printf("%d\n", x);
    x /= 5;  printf("%d\n", x);
    x %= 7;  printf("%d\n", x);
    x <<= 3; printf("%d\n", x);
    x >>= 1; printf("%d\n", x);
    x &= 0xC; printf("%d\n", x);
    x |= 0x30; printf("%d\n", x);
    x ^= 0xFF; printf("%d\n", x);
    return 0;
}
// expect: 15
// expect: 12
// expect: 48
// expect: 9
// expect: 2
// expect: 16
// expect: 8
// expect: 8
// expect: 56
// expect: 199
