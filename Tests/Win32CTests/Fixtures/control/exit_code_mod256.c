#include <stdio.h>

int main(void) {
    return 300;
}
// exit: 44
