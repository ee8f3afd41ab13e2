#include <stdio.h>

const char *classify(int n) {
    if (n < 0)
        return "negative";
    else if (n == 0)
        return "zero";
    else if (n < 10)
        return "small";
    else
        return "large";
}

int main(void) {
    printf("%s %s %s %s\n", classify(-3), classify(0), classify(7), classify(70));
    int x = 1;
    if (x)
        if (!x) printf("inner\n");
        else printf("dangling else binds inner\n");
    return 0;
}
// expect: negative zero small large
// expect: dangling else binds inner
