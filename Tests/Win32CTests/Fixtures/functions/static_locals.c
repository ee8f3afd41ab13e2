#include <stdio.h>

int counter(void) {
    static int n = 0;
    return ++n;
}

int next_id(void) {
    static int id = 100;
    id += 10;
    return id;
}

int main(void) {
    counter();
    counter();
    printf("%d\n", counter());
    int a = next_id();
    int b = next_id();
    printf("%d %d\n", a, b);
    return 0;
}
// expect: 3
// expect: 110 120
