#include <windows.h>
#include <stdio.h>

int main(void) {
    char s[8] = "hi";
    printf("%d %d %d\n", (int)sizeof s, s[2], s[7]);
    char t[] = "four";
    printf("%d\n", (int)sizeof t);
    s[2] = '!';
    s[3] = 0;
    printf("%s\n", s);
    TCHAR name[] = TEXT("tchar");
    printf("%d\n", (int)sizeof name);
    return 0;
}
// expect: 8 0 0
// expect: 5
// expect: hi!
// expect: 6
