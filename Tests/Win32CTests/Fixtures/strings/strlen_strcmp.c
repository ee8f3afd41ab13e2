#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    printf("%d\n", (int)strlen("hello"));
    printf("%d\n", (int)strlen(""));
    printf("%d\n", strcmp("abc", "abc") == 0);
    printf("%d\n", strcmp("abc", "abd") < 0);
    printf("%d\n", strcmp("b", "a") > 0);
    printf("%d\n", strcmp("ab", "abc") < 0);
    char buf[16] = "xyz";
    SIZE_T n = strlen(buf);
    printf("%llu\n", n);
    return 0;
}
// expect: 5
// expect: 0
// expect: 1
// expect: 1
// expect: 1
// expect: 1
// expect: 3
