#include <stdio.h>

int main(void) {
    int v[8] = {5, 3, 8, 1, 9, 2, 7, 4};
    for (int i = 0; i < 8; i++)
        for (int j = 0; j + 1 < 8 - i; j++)
            if (v[j] > v[j + 1]) {
                int t = v[j];
                v[j] = v[j + 1];
                v[j + 1] = t;
            }
    for (int i = 0; i < 8; i++) printf("%d", v[i]);
    printf("\n");
    return 0;
}
// expect: 12345789
