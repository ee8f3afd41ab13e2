#include <windows.h>
#include <stdio.h>

int main(void) {
    char *p = NULL;
    printf("%d %d\n", p == NULL, p == 0);
    if (p) printf("set\n"); else printf("unset\n");
    p = "x";
    if (p) printf("set\n");
    printf("%d\n", NULL == (void *)0);
    return 0;
}
// expect: 1 1
// expect: unset
// expect: set
// expect: 1
