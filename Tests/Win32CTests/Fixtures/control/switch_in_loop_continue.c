#include <stdio.h>

int main(void) {
    int evens = 0, odds = 0;
    for (int i = 0; i < 7; i++) {
        switch (i & 1) {
        case 0:
            evens++;
            continue;
        case 1:
            odds++;
            break;
        }
        printf("odd %d\n", i);
    }
    printf("%d %d\n", evens, odds);
    return 0;
}
// expect: odd 1
// expect: odd 3
// expect: odd 5
// expect: 4 3
