/* Textbook style: copy a file with synchronous ReadFile/WriteFile and report with sprintf. */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#pragma sim file("source.dat", 20000)

#define CHUNK 4096

static void Report(const char *what, DWORD value)
{
    char line[80];
    int n = sprintf(line, "%-12s %8lu", what, value);
    printf("%s (%d chars)\n", line, n);
}

int __cdecl main(int argc, char **argv)
{
    HANDLE in = CreateFileA("source.dat", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    HANDLE out = CreateFileA("copy.dat", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (in == INVALID_HANDLE_VALUE || out == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "open failed: %lu\n", GetLastError());
        return 1;
    }
    static BYTE buffer[CHUNK];
    DWORD got, put, total = 0, reads = 0;
    while (ReadFile(in, buffer, sizeof(buffer), &got, NULL) && got != 0) {
        WriteFile(out, buffer, got, &put, NULL);
        total += put;
        reads++;
    }
    LARGE_INTEGER size;
    GetFileSizeEx(out, &size);
    Report("copied", total);
    Report("reads", reads);
    Report("dest size", (DWORD)size.QuadPart);
    CloseHandle(in);
    CloseHandle(out);
    return 0;
}
