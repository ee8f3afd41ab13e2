#include <windows.h>
#include <strsafe.h>
#include <stdio.h>

int main(void)
{
    TCHAR path[16];
    HRESULT hr = StringCchCopy(path, ARRAYSIZE(path), TEXT("C:\\data"));
    printf("%d [%s]\n", SUCCEEDED(hr), path);
    hr = StringCchCat(path, ARRAYSIZE(path), TEXT("\\input.bin"));
    printf("%d %d [%s]\n", FAILED(hr), hr == STRSAFE_E_INSUFFICIENT_BUFFER, path);
    char line[32];
    hr = StringCchPrintf(line, ARRAYSIZE(line), "%s=%lu", "bytes", 4096UL);
    size_t len = 0;
    StringCchLength(line, STRSAFE_MAX_CCH, &len);
    printf("%ld [%s] %zu\n", hr, line, len);
    printf("%08lX\n", (DWORD)HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
    return 0;
}
// expect: 1 [C:\data]
// expect: 1 1 [C:\data\input.b]
// expect: 0 [bytes=4096] 10
// expect: 80070002
