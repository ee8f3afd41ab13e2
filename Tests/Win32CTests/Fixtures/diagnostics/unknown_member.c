#include <windows.h>

typedef struct { int x; int y; } POINT2;

int main(void) {
    POINT2 p = {1, 2};
    OVERLAPPED o = {0};
    p.z = 3;
    o.offset = 5;
    return 0;
}
// error 8:7: no member
// error 9:7: no member
