#include <windows.h>
#include <tchar.h>
#include <stdio.h>

int main(void) {
    _tprintf(TEXT("%d items in %s\n"), 3, TEXT("queue"));
    wprintf(L"%d-%u-%x\n", -1, 7u, 255);
    wprintf(L"[%5d][%-3d]\n", 12, 4);
    wprintf(L"%ls\n", L"wide text");
    return 0;
}
// expect: 3 items in queue
// expect: -1-7-ff
// expect: [   12][4  ]
// expect: wide text
