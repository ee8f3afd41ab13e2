#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    HANDLE h = CreateFile(TEXT("notes.txt"), GENERIC_READ | GENERIC_WRITE, 0, NULL,
                          CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    const char *text = "overlapped";
    DWORD n = 0;
    BOOL ok = WriteFile(h, text, (DWORD)strlen(text), &n, NULL);
    printf("%d %lu\n", ok, n);
    LARGE_INTEGER zero = {0};
    SetFilePointerEx(h, zero, NULL, FILE_BEGIN);
    char back[32] = {0};
    ok = ReadFile(h, back, sizeof back - 1, &n, NULL);
    printf("%d %lu %s\n", ok, n, back);
    CloseHandle(h);
    DeleteFile(TEXT("notes.txt"));
    return 0;
}
// skip: needs kernel
// expect: 1 10
// expect: 1 10 overlapped
