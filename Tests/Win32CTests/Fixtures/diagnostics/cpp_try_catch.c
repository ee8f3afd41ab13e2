#include <windows.h>
#include <stdio.h>

int main(void) {
    int x = 0;
    try {
        x = 1;
    } catch (int e) {
        x = 2;
    }
    printf("%d\n", x);
    return 0;
}
// error 6:5: not supported
