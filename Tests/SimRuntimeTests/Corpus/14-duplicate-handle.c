/* DuplicateHandle gives another handle to the same file object: they share the file pointer. */
#include <windows.h>
#include <stdio.h>
#pragma sim file("shared.dat", 1000)

int main(void)
{
    HANDLE a = CreateFileA("shared.dat", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    HANDLE b = NULL;
    if (!DuplicateHandle(GetCurrentProcess(), a, GetCurrentProcess(), &b, 0, FALSE, DUPLICATE_SAME_ACCESS)) {
        printf("DuplicateHandle failed: %lu\n", GetLastError());
        return 1;
    }
    BYTE buf[300];
    DWORD n;
    ReadFile(a, buf, 300, &n, NULL);
    LARGE_INTEGER zero = {0}, where;
    SetFilePointerEx(b, zero, &where, FILE_CURRENT);
    printf("distinct handles: %d, pointer seen through b: %lld\n", a != b, where.QuadPart);
    ReadFile(b, buf, 300, &n, NULL);
    ReadFile(a, buf, 300, &n, NULL);
    ReadFile(b, buf, 300, &n, NULL);
    printf("last read %lu bytes\n", n);
    CloseHandle(a);
    ReadFile(b, buf, 300, &n, NULL);
    printf("b still works after a closed: %lu bytes (end of file)\n", n);
    CloseHandle(b);
    return 0;
}
