#include <windows.h>
#include <stdio.h>

int main(void) {
    printf("%S\n", L"upper S");
    printf("%ls\n", L"ell s");
    wprintf(L"%ls=%d\n", L"value", 5);
    wprintf(L"plain\n");
    return 0;
}
// expect: upper S
// expect: ell s
// expect: value=5
// expect: plain
