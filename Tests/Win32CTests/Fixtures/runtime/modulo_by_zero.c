#include <windows.h>
#include <stdio.h>

int main(void) {
    DWORD n = 17;
    DWORD zero = 0;
    printf("%lu\n", n % 5);
    printf("%lu\n", n % zero);
    return 0;
}
// expect: 2
// runtime error: by zero
