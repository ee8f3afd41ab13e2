#include <windows.h>
#include <stdio.h>

int main(void) {
    volatile LONG spins = 0;
    printf("spinning\n");
    for (;;) {
        spins++;
    }
    return 0;
}
// expect: spinning
// runtime error: statement budget
