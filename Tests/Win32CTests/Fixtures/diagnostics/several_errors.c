#include <windows.h>
#include <stdio.h>

typedef struct { DWORD id; } JOB;

int helper(int a) {
    return a + missing;
}

int main(void) {
    JOB j = {0};
    int x = 1, y = 2;
    j.name = 3;
    x = 3 y = 4;
    helper(1, 2);
    printf("%d\n", x + y);
    try { x = 0; } catch (...) { }
    return 0;
}
// error 7:16: undeclared
// error 13:7: no member
// error 14:11: expected ';'
// error 15:5: arguments
// error 17:5: not supported
