#include <stdio.h>

int my_len(const char *s) {
    const char *p = s;
    while (*p) p++;
    return (int)(p - s);
}

int main(void) {
    printf("%d\n", my_len("overlapped"));
    printf("%d\n", my_len(""));
    char text[] = "abc";
    for (char *p = text; *p; p++) *p = *p - 32;
    printf("%s\n", text);
    return 0;
}
// expect: 10
// expect: 0
// expect: ABC
