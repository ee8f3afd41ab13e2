#include <stdio.h>

struct point {
    int x;
    int y;
};

int main(void) {
    struct point p;
    p.x = 3;
    p.y = -4;
    struct point q = {10, 20};
    printf("%d %d %d %d\n", p.x, p.y, q.x, q.y);
    struct point *pp = &q;
    pp->x += p.x;
    printf("%d\n", q.x);
    printf("%d\n", (int)sizeof(struct point));
    return 0;
}
// expect: 3 -4 10 20
// expect: 13
// expect: 8
