#include <windows.h>
#include <stdio.h>

int main(void) {
    printf("char %d\n", (int)sizeof(char));
    printf("short %d\n", (int)sizeof(short));
    printf("int %d\n", (int)sizeof(int));
    printf("long %d\n", (int)sizeof(long));
    printf("long long %d\n", (int)sizeof(long long));
    printf("wchar_t %d\n", (int)sizeof(wchar_t));
    printf("double %d\n", (int)sizeof(double));
    printf("pointer %d\n", (int)sizeof(void *));
    return 0;
}
// expect: char 1
// expect: short 2
// expect: int 4
// expect: long 4
// expect: long long 8
// expect: wchar_t 2
// expect: double 8
// expect: pointer 8
