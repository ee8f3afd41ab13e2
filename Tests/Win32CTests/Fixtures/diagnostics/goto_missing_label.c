#include <stdio.h>

int main(void) {
    goto nowhere;
    return 0;
}
// error 4:10: label
