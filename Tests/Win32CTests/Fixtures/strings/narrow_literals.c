#include <stdio.h>

int main(void) {
    const char *s = "tab\there";
    printf("%s\n", s);
    printf("%s\n", "quote\"inside\"");
    printf("%s\n", "back\\slash");
    printf("%s\n", "con" "cat" "enated");
    printf("%d\n", (int)sizeof("a\0b"));
    return 0;
}
// expect: tab	here
// expect: quote"inside"
// expect: back\slash
// expect: concatenated
// expect: 4
