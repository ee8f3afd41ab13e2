#include <stdio.h>

int main(void) {
    printf("%d %d %d\n", 0x1F, 017, 42);
    printf("%u\n", 0xFFFFFFFFu);
    printf("%lld\n", 9223372036854775807LL);
    printf("%d %d %d\n", '\n', '\0', '\\');
    printf("%d %d\n", '\x41', '\101');
    printf("%llu\n", 18446744073709551615ULL);
    return 0;
}
// expect: 31 15 42
// expect: 4294967295
// expect: 9223372036854775807
// expect: 10 0 92
// expect: 65 65
// expect: 18446744073709551615
