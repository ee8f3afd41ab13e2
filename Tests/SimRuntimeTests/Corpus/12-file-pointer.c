/* File size and pointer: write, seek, truncate, as in a textbook's file chapter. */
#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    HANDLE h = CreateFile(TEXT("notes.txt"), GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                          FILE_ATTRIBUTE_NORMAL, NULL);
    const char *text = "The quick brown fox jumps over the lazy dog";
    DWORD written;
    WriteFile(h, text, (DWORD)strlen(text), &written, NULL);
    LARGE_INTEGER size, pos, move = { .QuadPart = -8 };
    GetFileSizeEx(h, &size);
    printf("size %lld after writing %lu\n", size.QuadPart, written);
    SetFilePointerEx(h, move, &pos, FILE_END);
    printf("pointer %lld\n", pos.QuadPart);
    char tail[16] = {0};
    DWORD got;
    ReadFile(h, tail, 8, &got, NULL);
    printf("tail [%s] (%lu)\n", tail, got);
    DWORD low = SetFilePointer(h, 19, NULL, FILE_BEGIN);
    SetEndOfFile(h);
    printf("truncated at %lu, size %lu\n", low, GetFileSize(h, NULL));
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    char all[64] = {0};
    ReadFile(h, all, sizeof(all) - 1, &got, NULL);
    printf("now [%s]\n", all);
    CloseHandle(h);
    printf("deleted: %d\n", DeleteFile(TEXT("notes.txt")));
    return 0;
}
