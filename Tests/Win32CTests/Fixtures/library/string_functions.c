#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

int main(void)
{
    char path[MAX_PATH];
    strcpy(path, "C:\\data\\");
    strcat(path, "input.bin");
    printf("%s %zu\n", path, strlen(path));
    printf("%s\n", strrchr(path, '\\') + 1);
    printf("%s\n", strchr(path, '.'));
    printf("%d\n", strstr(path, "data") - path);
    printf("%d %d %d\n", strncmp("abcd", "abcz", 3) == 0, strcmp("a", "b") < 0, _stricmp("HeLLo", "hello"));
    char copy[6];
    strncpy(copy, "hello world", 5);
    copy[5] = '\0';
    printf("%s\n", copy);
    char *dup = _strdup(copy);
    dup[0] = 'j';
    printf("%s %s\n", copy, dup);
    free(dup);
    char tiny[4];
    errno_t copied = strcpy_s(tiny, sizeof(tiny), "ab");
    errno_t appended = strcat_s(tiny, sizeof(tiny), "c");
    printf("%d %d [%s]\n", copied, appended, tiny);
    const char bytes[] = { 1, 2, 3, 4 };
    printf("%d\n", (int)((const char *)memchr(bytes, 3, sizeof(bytes)) - bytes));
    printf("%d\n", strncat(path, "XYZ", 2) == path);
    printf("%s\n", path + 8);
    return 0;
}
// expect: C:\data\input.bin 17
// expect: input.bin
// expect: .bin
// expect: 3
// expect: 1 1 0
// expect: hello
// expect: hello jello
// expect: 0 0 [abc]
// expect: 2
// expect: 1
// expect: input.binXY
