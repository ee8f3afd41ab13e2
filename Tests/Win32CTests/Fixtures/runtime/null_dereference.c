#include <windows.h>
#include <stdio.h>

int main(void) {
    int *p = NULL;
    printf("before\n");
    *p = 5;
    printf("after\n");
    return 0;
}
// expect: before
// runtime error: NULL pointer
