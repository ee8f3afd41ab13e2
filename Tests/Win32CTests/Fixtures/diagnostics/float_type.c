#include <stdio.h>

int main(void) {
    float f = 0;
    double d = 1.5;
    printf("%f\n", d);
    return 0;
}
// error 4:5: not supported
