#include <stdio.h>

int main(void) {
    for (int n = 1; n <= 3; n++) {
        switch (n) {
        case 1:
            printf("one");
            break;
        default:
            printf("default,");
        case 3:
            printf("three");
        }
        printf("\n");
    }
    int x = 9;
    switch (x) {
    case 1: printf("no\n");
    }
    printf("end\n");
    return 0;
}
// expect: one
// expect: default,three
// expect: three
// expect: end
