#include <stdio.h>

int main(void) {
    int a[6];
    for (int i = 0; i < 6; i++) a[i] = i * i;
    for (int i = 0; i < 6; i++) printf(i ? ",%d" : "%d", a[i]);
    printf("\n");
    return 0;
}
// expect: 0,1,4,9,16,25
