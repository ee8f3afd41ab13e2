#include <windows.h>
#include <stdio.h>

int main(void) {
    printf("start\n");
    DWORD a = 5;
    a *= 2;
    int b = (int)a + 1;
    printf("%d\n", b);
    char label[8] = "mid";
    printf("%s\n", label);
    const int c = b * 2, d = c + 1;
    printf("%d %d\n", c, d);
    return 0;
}
// expect: start
// expect: 11
// expect: mid
// expect: 22 23
