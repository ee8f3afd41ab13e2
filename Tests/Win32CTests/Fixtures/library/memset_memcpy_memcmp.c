#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    BYTE a[8];
    memset(a, 0xAB, sizeof a);
    printf("%X %X\n", a[0], a[7]);
    memset(a + 2, 0, 3);
    printf("%X %X %X\n", a[1], a[2], a[5]);
    BYTE b[8];
    memcpy(b, a, 8);
    printf("%d\n", memcmp(a, b, 8));
    b[6] = 0x01;
    printf("%d\n", memcmp(a, b, 8) > 0);
    printf("%d\n", memcmp(a, b, 6));
    char *r = (char *)memset(b, 'z', 2);
    printf("%d\n", r == (char *)b);
    return 0;
}
// expect: AB AB
// expect: AB 0 AB
// expect: 0
// expect: 1
// expect: 0
// expect: 1
