#include <stdio.h>

int main(void) {
    for (int a = 0; a < 2; a++)
        for (int b = 0; b < 2; b++) {
            switch (a) {
            case 0:
                switch (b) {
                case 0: printf("00\n"); break;
                default: printf("0x\n");
                }
                break;
            case 1:
                if (b) break;
                printf("10\n");
            }
        }
    return 0;
}
// expect: 00
// expect: 0x
// expect: 10
