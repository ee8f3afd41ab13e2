#include <stdio.h>

int main(void) {
    int n = -1;
    unsigned int u = 1;
    if (n < u) printf("less\n"); else printf("not less\n");
    if (n < (int)u) printf("less\n"); else printf("not less\n");
    long long ll = -1;
    if (ll < u) printf("less\n"); else printf("not less\n");
    unsigned char uc = 1;
    if (n < uc) printf("less\n"); else printf("not less\n");
    return 0;
}
// expect: not less
// expect: less
// expect: less
// expect: less
