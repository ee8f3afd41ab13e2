#include <windows.h>
#include <stdio.h>
#include <wchar.h>
#include <strsafe.h>

int wmain(int argc, wchar_t *argv[])
{
    wchar_t path[32];
    wcscpy_s(path, _countof(path), L"C:\\logs");
    wcscat(path, L"\\app.log");
    wprintf(L"%s %zu\n", path, wcslen(path));
    wprintf(L"%s %s\n", wcsrchr(path, L'\\') + 1, wcschr(path, L'.'));
    wprintf(L"%d %d %d\n", (int)(wcsstr(path, L"logs") - path), _wcsicmp(L"ABC", L"abc"), wcsncmp(L"abcd", L"abzz", 2));
    wchar_t line[12];
    int n = swprintf(line, _countof(line), L"%d-%s", 42, L"ok");
    wprintf(L"[%s] %d\n", line, n);
    n = swprintf(line, _countof(line), L"%s", L"much too long for this");
    wprintf(L"%d\n", n);
    wchar_t *end;
    wprintf(L"%d %ld [%s]\n", _wtoi(L" -17"), wcstol(L"0x20 rest", &end, 16), end);
    HRESULT hr = StringCchPrintfW(line, _countof(line), L"%s:%d", L"port", 8080);
    size_t len;
    StringCchLengthW(line, STRSAFE_MAX_CCH, &len);
    wprintf(L"%ld [%s] %zu\n", hr, line, len);
    return 0;
}
// expect: C:\logs\app.log 15
// expect: app.log .log
// expect: 3 0 0
// expect: [42-ok] 5
// expect: -1
// expect: -17 32 [ rest]
// expect: 0 [port:8080] 9
