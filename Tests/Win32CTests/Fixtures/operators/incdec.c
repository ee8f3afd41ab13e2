#include <stdio.h>

int main(void) {
    int i = 5;
    int a = i++;
    int b = ++i;
    int c = i--;
    int d = --i;
    printf("%d %d %d %d %d\n", a, b, c, d, i);
    int arr[3] = {10, 20, 30};
    int *p = arr;
    int v = *p++;
    printf("%d %d\n", v, *p);
    v = ++*p;
    printf("%d %d\n", v, arr[1]);
    return 0;
}
// expect: 5 7 7 5 5
// expect: 10 20
// expect: 21 21
