#include <windows.h>
#include <stdio.h>

void Report(void) {
    printf("%s at line %d of %s\n", __FUNCTION__, __LINE__, __FILE__);
}

int main(void) {
    Report();
    printf("%s %d\n", __func__, (int)sizeof(__FUNCTION__));
    return 0;
}
// expect: Report at line 5 of program.c
// expect: main 5
