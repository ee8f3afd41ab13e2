#include <stdio.h>

int main(void) {
    int m[3][4];
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 4; c++)
            m[r][c] = r * 10 + c;
    printf("%d %d %d\n", m[0][0], m[1][2], m[2][3]);
    printf("%d %d\n", (int)sizeof m, (int)sizeof m[0]);
    int *flat = &m[0][0];
    printf("%d\n", flat[5]);
    return 0;
}
// expect: 0 12 23
// expect: 48 16
// expect: 11
