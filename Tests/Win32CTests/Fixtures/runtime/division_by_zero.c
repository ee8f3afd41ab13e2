#include <stdio.h>

int divide(int a, int b) {
    return a / b;
}

int main(void) {
    printf("%d\n", divide(10, 2));
    printf("%d\n", divide(1, 0));
    return 0;
}
// expect: 5
// runtime error: division by zero
