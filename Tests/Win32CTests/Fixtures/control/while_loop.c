#include <stdio.h>

int main(void) {
    int n = 27, steps = 0;
    while (n != 1) {
        n = (n % 2) ? 3 * n + 1 : n / 2;
        steps++;
    }
    printf("%d\n", steps);
    int k = 10;
    while (k-- > 7) printf("%d\n", k);
    return 0;
}
// expect: 111
// expect: 9
// expect: 8
// expect: 7
