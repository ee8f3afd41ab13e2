#include <windows.h>
#include <stdio.h>

int main(void) {
    char path[] = "C:\\data\\file.dat";
    int last = -1;
    for (int i = 0; path[i]; i++)
        if (path[i] == '\\') last = i;
    printf("%s\n", path + last + 1);
    path[last] = '\0';
    printf("%s\n", path);
    return 0;
}
// expect: file.dat
// expect: C:\data
