#include <stdio.h>

int main(void) {
    puts("fine");
    "this string never ends
    ;
    return 0;
}
// error 5:5: unterminated
