#include <windows.h>
#include <stdio.h>
#pragma sim file("x.dat", 4096)

int main(void) {
    HANDLE h = CreateFile(TEXT("x.dat"), GENERIC_READ, FILE_SHARE_READ, NULL,
                          OPEN_EXISTING, 0, NULL);
    BYTE buf[100];
    DWORD n = 0;
    ReadFile(h, buf, 100, &n, NULL);
    HANDLE dup = NULL;
    BOOL ok = DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &dup, 0, FALSE,
                              DUPLICATE_SAME_ACCESS);
    ReadFile(dup, buf, 50, &n, NULL);
    LARGE_INTEGER zero = {0}, pos = {0};
    SetFilePointerEx(h, zero, &pos, FILE_CURRENT);
    printf("%d %lld\n", ok, pos.QuadPart);
    CloseHandle(dup);
    CloseHandle(h);
    return 0;
}
// skip: needs kernel
// expect: 1 150
