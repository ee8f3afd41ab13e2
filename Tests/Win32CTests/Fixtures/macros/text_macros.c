#include <windows.h>
#include <tchar.h>
#include <stdio.h>

#define FILE_NAME TEXT("data.bin")

int main(void) {
    LPCTSTR n = FILE_NAME;
    printf("%s %d\n", n, (int)sizeof(FILE_NAME));
    printf("%s\n", _T("underscore T"));
    return 0;
}
// expect: data.bin 9
// expect: underscore T
