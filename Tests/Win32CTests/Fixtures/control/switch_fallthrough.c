#include <stdio.h>

int main(void) {
    for (int n = 0; n < 5; n++) {
        printf("%d:", n);
        switch (n) {
        case 0:
            printf("a");
        case 1:
            printf("b");
            break;
        case 2:
        case 3:
            printf("c");
        default:
            printf("d");
        }
        printf("\n");
    }
    return 0;
}
// expect: 0:ab
// expect: 1:b
// expect: 2:cd
// expect: 3:cd
// expect: 4:d
