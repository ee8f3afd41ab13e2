#include <stdio.h>

int main(void) {
    unsigned char a = 200, b = 100;
    int sum = a + b;
    printf("%d\n", sum);
    unsigned char c = a + b;
    printf("%d\n", c);
    char x = 100, y = 100;
    printf("%d\n", x + y);
    short s = 30000;
    printf("%d\n", s * 2);
    unsigned short us = 65535;
    printf("%d\n", us + 1);
    printf("%d\n", (int)sizeof(a + b));
    return 0;
}
// expect: 300
// expect: 44
// expect: 200
// expect: 60000
// expect: 65536
// expect: 4
