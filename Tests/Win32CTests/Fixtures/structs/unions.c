#include <windows.h>
#include <stdio.h>

union value {
    DWORD d;
    WORD w[2];
    BYTE b[4];
};

int main(void) {
    union value v;
    v.d = 0xAABBCCDD;
    printf("%X %X\n", v.w[0], v.w[1]);
    printf("%X\n", v.b[3]);
    printf("%d\n", (int)sizeof(union value));
    union { char c; double d; } big;
    printf("%d\n", (int)sizeof big);
    return 0;
}
// expect: CCDD AABB
// expect: AA
// expect: 4
// expect: 8
