#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *v = (int *)malloc(10 * sizeof(int));
    if (v == NULL) return 1;
    for (int i = 0; i < 10; i++) v[i] = i * 3;
    int s = 0;
    for (int i = 0; i < 10; i++) s += v[i];
    printf("%d\n", s);
    free(v);
    free(NULL);
    char *a = (char *)malloc(16);
    char *b = (char *)malloc(16);
    printf("%d\n", a != b);
    free(a);
    free(b);
    return 0;
}
// expect: 135
// expect: 1
