#include <windows.h>
#include <stdio.h>

typedef void (*HANDLER)(int);

int main(void) {
    HANDLER h = NULL;
    printf("dispatch\n");
    h(1);
    return 0;
}
// expect: dispatch
// runtime error: NULL pointer
