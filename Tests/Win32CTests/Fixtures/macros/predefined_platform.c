#include <windows.h>
#include <stdio.h>

int main(void)
{
#if defined(_WIN64) && defined(_M_X64) && _MSC_VER >= 1900
    printf("x64 MSVC\n");
#else
    printf("something else\n");
#endif
#ifdef UNICODE
    printf("unicode\n");
#else
    printf("ANSI TCHAR, %d byte\n", (int)sizeof(TCHAR));
#endif
    return 0;
}
// expect: x64 MSVC
// expect: ANSI TCHAR, 1 byte
