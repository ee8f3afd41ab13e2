#include <stdio.h>

int main(void) {
    putchar('[');
    putchar('\'');
    putchar('"');
    putchar('\x41');
    putchar('\101');
    putchar(']');
    putchar('\n');
    printf("%d %d %d\n", '\t', '\r', '\a');
    return 0;
}
// expect: ['"AA]
// expect: 9 13 7
