#include <windows.h>
#include <stdio.h>
#pragma sim file("x.dat", 4096)

int main(void) {
    HANDLE a = CreateFile(TEXT("x.dat"), GENERIC_READ, FILE_SHARE_READ, NULL,
                          OPEN_EXISTING, 0, NULL);
    HANDLE b = CreateFile(TEXT("x.dat"), GENERIC_READ, FILE_SHARE_READ, NULL,
                          OPEN_EXISTING, 0, NULL);
    printf("%d\n", b != INVALID_HANDLE_VALUE);
    HANDLE c = CreateFile(TEXT("x.dat"), GENERIC_WRITE, FILE_SHARE_READ, NULL,
                          OPEN_EXISTING, 0, NULL);
    printf("%d %lu\n", c == INVALID_HANDLE_VALUE, GetLastError());
    CloseHandle(a);
    CloseHandle(b);
    return 0;
}
// skip: needs kernel
// expect: 1
// expect: 1 32
