#include <stdio.h>

int main(void) {
    char c = 'A';
    c += 2;
    printf("%c %d\n", c, c);
    printf("%d\n", 'z' - 'a');
    char digit = '7';
    printf("%d\n", digit - '0');
    printf("%c\n", 'a' + 25);
    return 0;
}
// expect: C 67
// expect: 25
// expect: 7
// expect: z
