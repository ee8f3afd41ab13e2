#include <stdio.h>

int main(void) {
    int grid[2][3] = {{1, 2, 3}, {4, 5, 6}};
    int sum = 0;
    for (int r = 0; r < 2; r++)
        for (int c = 0; c < 3; c++)
            sum += grid[r][c] * (r + 1);
    printf("%d\n", sum);
    int part[3][2] = {{9}, {8, 7}};
    printf("%d %d %d %d %d %d\n", part[0][0], part[0][1], part[1][0], part[1][1], part[2][0], part[2][1]);
    return 0;
}
// expect: 36
// expect: 9 0 8 7 0 0
