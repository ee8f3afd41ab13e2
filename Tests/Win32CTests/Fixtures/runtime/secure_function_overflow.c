#include <windows.h>
#include <stdio.h>

int main(void)
{
    char name[8];
    int n = sprintf_s(name, sizeof(name), "%s", "fits");
    printf("%d [%s]\n", n, name);
    n = _snprintf_s(name, sizeof(name), _TRUNCATE, "%s", "truncated");
    printf("%d [%s]\n", n, name);
    sprintf_s(name, sizeof(name), "%s", "far too long");
    printf("not reached\n");
    return 0;
}
// expect: 4 [fits]
// expect: -1 [truncat]
// runtime error: invalid-parameter handler ends the program
