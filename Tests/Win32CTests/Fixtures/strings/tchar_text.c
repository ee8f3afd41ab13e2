#include <windows.h>
#include <tchar.h>
#include <stdio.h>

int _tmain(int argc, TCHAR *argv[]) {
    LPCTSTR a = TEXT("from TEXT");
    PCTSTR b = _T("from _T");
    _tprintf(TEXT("%s\n"), a);
    _tprintf(_T("%s %d\n"), b, (int)sizeof(TCHAR));
    TCHAR buf[4] = TEXT("ab");
    LPTSTR p = buf;
    PTSTR q = p + 1;
    _tprintf(TEXT("%c\n"), *q);
    return 0;
}
// expect: from TEXT
// expect: from _T 1
// expect: b
