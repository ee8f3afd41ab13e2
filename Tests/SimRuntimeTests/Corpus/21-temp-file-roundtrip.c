/* A scratch file in the temporary directory: named by GetTempFileName, written, read back, deleted. */
#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    char dir[MAX_PATH], path[MAX_PATH];
    if (GetTempPath(MAX_PATH, dir) == 0 || GetTempFileName(dir, "scr", 0, path) == 0) {
        printf("no temp file: %lu\n", GetLastError());
        return 1;
    }
    HANDLE h = CreateFile(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, TRUNCATE_EXISTING,
                          FILE_ATTRIBUTE_TEMPORARY, NULL);
    char message[64];
    const char *name = strrchr(path, '\\') + 1;   /* "scrXXXX.tmp": the number depends on the clock */
    int len = sprintf_s(message, sizeof(message), "scratch %.3s...%s", name, strchr(name, '.'));
    DWORD n;
    WriteFile(h, message, (DWORD)len, &n, NULL);
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    char back[64] = {0};
    ReadFile(h, back, sizeof(back) - 1, &n, NULL);
    printf("[%s] %lu bytes\n", back, n);
    CloseHandle(h);
    BOOL first = DeleteFileA(path);
    BOOL second = DeleteFileA(path);
    printf("deleted %d, again %d (error %lu)\n", first, second, GetLastError());
    return 0;
}
