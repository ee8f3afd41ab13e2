#include <stdio.h>

typedef int (*TRANSFORM)(int);

int inc(int v) { return v + 1; }
int sq(int v) { return v * v; }

void apply(int *v, int n, TRANSFORM f) {
    for (int i = 0; i < n; i++) v[i] = f(v[i]);
}

int fold(const int *v, int n, int init, int (*f)(int, int)) {
    int acc = init;
    for (int i = 0; i < n; i++) acc = f(acc, v[i]);
    return acc;
}

int max2(int a, int b) { return a > b ? a : b; }

int main(void) {
    int v[4] = {1, 2, 3, 4};
    apply(v, 4, sq);
    apply(v, 4, inc);
    printf("%d %d %d %d\n", v[0], v[1], v[2], v[3]);
    printf("%d\n", fold(v, 4, 0, max2));
    return 0;
}
// expect: 2 5 10 17
// expect: 17
