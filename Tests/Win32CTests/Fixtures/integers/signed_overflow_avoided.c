#include <stdio.h>

int main(void) {
    unsigned int h = 2166136261u;
    const char *s = "abc";
    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 16777619u;
    }
    printf("%u\n", h);
    printf("%X\n", h);
    return 0;
}
// expect: 440920331
// expect: 1A47E90B
