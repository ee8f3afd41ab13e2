#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t *argv[]) {
    wprintf(L"%d %s %d\n", argc, argv[0], argv[1] == NULL);
    return argc + 41;
}
// expect: 1 program.exe 1
// exit: 42
