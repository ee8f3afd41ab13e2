#include <stdio.h>

int main(void) {
    const char *names[] = {"read", "write", "cancel"};
    int n = sizeof(names) / sizeof(names[0]);
    for (int i = 0; i < n; i++) printf("%d=%s\n", i, names[i]);
    printf("%c\n", names[1][0]);
    return 0;
}
// expect: 0=read
// expect: 1=write
// expect: 2=cancel
// expect: w
