#include <stdio.h>

struct inner { short a; short b; };
struct outer {
    int id;
    struct inner in;
    struct inner pair[2];
};

int main(void) {
    struct outer o = {1, {2, 3}, {{4, 5}, {6, 7}}};
    printf("%d %d %d %d %d\n", o.id, o.in.a, o.in.b, o.pair[1].a, o.pair[1].b);
    struct outer *p = &o;
    p->pair[0].b = 50;
    printf("%d\n", o.pair[0].b);
    printf("%d\n", (int)sizeof(struct outer));
    return 0;
}
// expect: 1 2 3 6 7
// expect: 50
// expect: 16
