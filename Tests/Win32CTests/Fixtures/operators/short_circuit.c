#include <stdio.h>

static int calls = 0;

int touch(int v) {
    calls++;
    printf("touch %d\n", v);
    return v;
}

int main(void) {
    if (touch(0) && touch(1)) printf("yes\n");
    if (touch(1) || touch(2)) printf("either\n");
    int r = touch(0) || touch(3) && touch(0);
    printf("r=%d calls=%d\n", r, calls);
    int *p = NULL;
    if (p != NULL && *p == 3) printf("never\n");
    printf("safe\n");
    return 0;
}
// expect: touch 0
// expect: touch 1
// expect: either
// expect: touch 0
// expect: touch 3
// expect: touch 0
// expect: r=0 calls=5
// expect: safe
