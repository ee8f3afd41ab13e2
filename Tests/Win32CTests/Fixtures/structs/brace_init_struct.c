#include <windows.h>
#include <stdio.h>

typedef struct {
    int a;
    char *s;
    DWORD arr[3];
} CFG;

int main(void) {
    CFG zero = {0};
    printf("%d %d %lu %lu\n", zero.a, zero.s == NULL, zero.arr[0], zero.arr[2]);
    CFG c = {5, "five", {1, 2}};
    printf("%d %s %lu %lu %lu\n", c.a, c.s, c.arr[0], c.arr[1], c.arr[2]);
    CFG list[2] = {{1, "one", {0}}, {2, "two", {3, 3, 3}}};
    printf("%s %lu\n", list[1].s, list[1].arr[2]);
    return 0;
}
// expect: 0 1 0 0
// expect: 5 five 1 2 0
// expect: two 3
