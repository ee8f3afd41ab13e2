#include <stdio.h>

int main(void) {
    printf("before\n");
#if 0
    printf("skipped\n");
    this is not C at all {{{
#endif
    printf("after\n");
    return 0;
}
// expect: before
// expect: after
