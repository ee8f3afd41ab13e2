#include <stdio.h>

int main(void) {
    printf("x\n");
    break;
    return 0;
}
// error 5:5: break
