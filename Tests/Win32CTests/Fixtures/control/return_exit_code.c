#include <stdio.h>

int main(void) {
    printf("exiting\n");
    return 42;
}
// expect: exiting
// exit: 42
