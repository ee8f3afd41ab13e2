#include <windows.h>
#include <stdio.h>

/* C23 (and C++) allow a definition to leave a parameter it ignores unnamed. */
static DWORD WINAPI Ignore(LPVOID) { return 7; }

static int Second(int, int b) { return b * 2; }

int __cdecl main(int, char **)
{
    printf("%lu %d\n", Ignore(NULL), Second(1, 21));
    return 0;
}
// expect: 7 42
