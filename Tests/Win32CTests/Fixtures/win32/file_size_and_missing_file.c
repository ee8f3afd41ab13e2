#include <windows.h>
#include <stdio.h>
#pragma sim file("x.dat", 4096)

int main(void) {
    HANDLE h = CreateFile(TEXT("x.dat"), GENERIC_READ, FILE_SHARE_READ, NULL,
                          OPEN_EXISTING, 0, NULL);
    LARGE_INTEGER size = {0};
    BOOL ok = GetFileSizeEx(h, &size);
    printf("%d %lld\n", ok, size.QuadPart);
    CloseHandle(h);
    HANDLE none = CreateFile(TEXT("missing.dat"), GENERIC_READ, 0, NULL,
                             OPEN_EXISTING, 0, NULL);
    printf("%d %lu\n", none == INVALID_HANDLE_VALUE, GetLastError());
    return 0;
}
// skip: needs kernel
// expect: 1 4096
// expect: 1 2
