#include <stdio.h>

enum color { RED, GREEN, BLUE };
enum state { IDLE = 5, BUSY, DONE = 20, AFTER };
typedef enum { MODE_A = 1 << 0, MODE_B = 1 << 1, MODE_C = 1 << 2 } MODE;

int main(void) {
    enum color c = BLUE;
    printf("%d %d %d\n", RED, GREEN, c);
    printf("%d %d %d %d\n", IDLE, BUSY, DONE, AFTER);
    MODE m = MODE_A | MODE_C;
    printf("%d\n", m);
    printf("%d\n", (int)sizeof(enum color));
    switch (c) {
    case RED: printf("red\n"); break;
    case BLUE: printf("blue\n"); break;
    default: printf("other\n");
    }
    return 0;
}
// expect: 0 1 2
// expect: 5 6 20 21
// expect: 5
// expect: 4
// expect: blue
