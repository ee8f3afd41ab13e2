#include <windows.h>
#include <stdio.h>

int main(void) {
    const wchar_t *w = L"wide";
    printf("%d\n", (int)sizeof(L"wide"));
    printf("%d %d\n", w[0], w[4]);
    WCHAR buf[8] = L"ab";
    printf("%d %d\n", (int)sizeof buf, buf[1]);
    LPCWSTR name = L"name";
    int n = 0;
    while (name[n]) n++;
    printf("%d\n", n);
    return 0;
}
// expect: 10
// expect: 119 0
// expect: 16 98
// expect: 4
