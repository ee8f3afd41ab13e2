#include <windows.h>

int main(void) {
    OVERLAPPED o = {0};
    int n = 0;
    n = o + 1;
    return n;
}
// error 6:11: operand
