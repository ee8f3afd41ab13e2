#include <windows.h>
#include <stdio.h>

int main(void) {
    char buf[16] = "mutable";
    LPSTR s = buf;
    LPCSTR cs = "constant";
    LPTSTR ts = buf;
    LPCTSTR cts = TEXT("tconst");
    LPCWSTR ws = L"wide";
    s[0] = 'M';
    printf("%s %s %s %s %ls\n", s, cs, ts, cts, ws);
    CHAR c = 'c';
    WCHAR w = L'w';
    TCHAR t = TEXT('t');
    printf("%c %d %c\n", c, w, t);
    return 0;
}
// expect: Mutable constant Mutable tconst wide
// expect: c 119 t
