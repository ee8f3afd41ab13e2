#include <stdio.h>

int main(void) {
    char cube[2][3][4];
    int n = 0;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 4; k++)
                cube[i][j][k] = (char)n++;
    printf("%d %d %d\n", cube[1][2][3], cube[1][0][0], cube[0][2][1]);
    printf("%d %d %d\n", (int)sizeof cube, (int)sizeof cube[0], (int)sizeof cube[0][0]);
    return 0;
}
// expect: 23 12 9
// expect: 24 12 4
