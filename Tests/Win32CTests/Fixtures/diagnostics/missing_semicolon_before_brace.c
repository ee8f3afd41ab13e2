#include <stdio.h>

int main(void) {
    printf("no semicolon\n");
    return 0 }
// error 5:14: expected ';'
