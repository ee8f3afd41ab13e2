#include <windows.h>
#include <stdio.h>

#define ROWS 3
#define COLS 4
#define LIMIT (ROWS * COLS)

int main(void) {
    int m[ROWS][COLS];
    int n = 0;
    for (int r = 0; r < ROWS; r++)
        for (int c = 0; c < COLS; c++)
            m[r][c] = n++;
    printf("%d %d\n", m[ROWS - 1][COLS - 1], LIMIT);
    return 0;
}
// expect: 11 12
