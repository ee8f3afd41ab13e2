#include <stdio.h>

int main(void) {
    unsigned int u = 0x80000000u;
    int s = -16;
    printf("%u\n", u >> 4);
    printf("%d\n", s >> 2);
    printf("%d\n", 1 << 10);
    printf("%u\n", 1u << 31);
    printf("%llu\n", 1ULL << 40);
    printf("%d\n", 0x12345678 >> 16);
    unsigned char c = 0x81;
    printf("%d\n", c << 1);
    return 0;
}
// expect: 134217728
// expect: -4
// expect: 1024
// expect: 2147483648
// expect: 1099511627776
// expect: 4660
// expect: 258
