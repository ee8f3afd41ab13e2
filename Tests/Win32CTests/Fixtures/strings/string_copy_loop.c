#include <stdio.h>

void copy(char *dst, const char *src) {
    while ((*dst++ = *src++) != 0)
        ;
}

int main(void) {
    char out[32];
    copy(out, "copied text");
    printf("%s\n", out);
    char rev[6] = "abcde";
    for (int i = 0, j = 4; i < j; i++, j--) {
        char t = rev[i];
        rev[i] = rev[j];
        rev[j] = t;
    }
    printf("%s\n", rev);
    return 0;
}
// expect: copied text
// expect: edcba
