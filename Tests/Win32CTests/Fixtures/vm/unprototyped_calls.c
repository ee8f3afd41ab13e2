#include <stdio.h>

int Five() { return 5; }

int main(void) {
    int s = 0;
    for (int i = 0; i < 100000; i++) s += Five(1, 2, 3);
    printf("%d\n", s);
    return 0;
}
// expect: 500000
