#include <stdio.h>

int main(void) {
    for (int i = 0; i < 10; i++) {
        if (i % 3 == 0) continue;
        if (i > 7) break;
        printf("%d", i);
    }
    printf("\n");
    int found = -1;
    for (int r = 0; r < 4 && found < 0; r++) {
        for (int c = 0; c < 4; c++) {
            if (r * c == 6) { found = r * 10 + c; break; }
        }
    }
    printf("%d\n", found);
    int n = 0;
    while (1) {
        n++;
        if (n < 5) continue;
        break;
    }
    printf("%d\n", n);
    int d = 0;
    do {
        d++;
        if (d == 2) continue;
    } while (d < 3);
    printf("%d\n", d);
    return 0;
}
// expect: 12457
// expect: 23
// expect: 5
// expect: 3
