#include <windows.h>
#include <stdio.h>

typedef struct { int a; int b[3]; } BOX;

BOX make(int seed) {
    BOX b;
    b.a = seed;
    for (int i = 0; i < 3; i++) b.b[i] = seed + i;
    return b;
}

int sum(BOX b) {
    b.a = 1000;
    return b.b[0] + b.b[1] + b.b[2];
}

int main(void) {
    BOX x = make(5);
    BOX y = x;
    y.b[0] = 100;
    printf("%d %d\n", x.b[0], y.b[0]);
    printf("%d %d\n", sum(x), x.a);
    return 0;
}
// expect: 5 100
// expect: 18 5
