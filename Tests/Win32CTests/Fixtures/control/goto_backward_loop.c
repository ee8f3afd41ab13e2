#include <stdio.h>

int main(void) {
    int i = 0;
again:
    printf("%d\n", i);
    i++;
    if (i < 3) goto again;
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 3; c++)
            if (r + c == 3) {
                printf("%d %d\n", r, c);
                goto out;
            }
out:
    printf("done\n");
    return 0;
}
// expect: 0
// expect: 1
// expect: 2
// expect: 1 2
// expect: done
