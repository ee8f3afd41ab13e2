#include <stdio.h>
// error 8:1: unterminated

int main(void) {
    return 0;
}

/* this comment runs to the end of the file
int never(void) { return 1; }
