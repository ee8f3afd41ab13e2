#include <windows.h>
#include <stdio.h>
#include <assert.h>

int main(void)
{
    int pending = 2;
    assert(pending == 2);
    printf("first assert passed\n");
    assert(pending == 0 && "all I/O must have completed");
    printf("not reached\n");
    return 0;
}
// expect: first assert passed
// exit: 3
