#include <windows.h>
#include <stdio.h>

int sum(const int *v, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += v[i];
    return s;
}

int main(void) {
    const int data[4] = {1, 2, 3, 4};
    printf("%d\n", sum(data, 4));
    int x = 3;
    int *const fixed = &x;
    *fixed = 8;
    printf("%d\n", x);
    LPCSTR msg = "const string";
    printf("%s\n", msg);
    volatile LONG flag = 1;
    printf("%ld\n", flag);
    return 0;
}
// expect: 10
// expect: 8
// expect: const string
// expect: 1
