#include <stdio.h>

int total(int v[], int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += v[i];
    return s;
}

void fill(int *v, int n, int value) {
    for (int i = 0; i < n; i++) v[i] = value;
}

int row_sum(int m[][3], int row) {
    return m[row][0] + m[row][1] + m[row][2];
}

int main(void) {
    int a[4] = {1, 2, 3, 4};
    printf("%d\n", total(a, 4));
    fill(a + 1, 2, 9);
    printf("%d %d %d %d\n", a[0], a[1], a[2], a[3]);
    int m[2][3] = {{1, 1, 1}, {2, 3, 4}};
    printf("%d\n", row_sum(m, 1));
    return 0;
}
// expect: 10
// expect: 1 9 9 4
// expect: 9
