#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t *argv[]) {
    wprintf(L"%ls\n", L"wmain runs");
    return 3;
}
// expect: wmain runs
// exit: 3
