#include <stdio.h>

int main(void) {
    puts("line from puts");
    putchar('A');
    putchar('\n');
    puts("-");
    for (int i = 0; i < 3; i++) putchar('0' + i);
    putchar(10);
    return 0;
}
// expect: line from puts
// expect: A
// expect: -
// expect: 012
