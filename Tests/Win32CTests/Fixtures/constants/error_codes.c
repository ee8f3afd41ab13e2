#include <windows.h>
#include <stdio.h>

int main(void) {
    printf("%lu\n", (DWORD)ERROR_SUCCESS);
    printf("%lu\n", (DWORD)ERROR_FILE_NOT_FOUND);
    printf("%lu\n", (DWORD)ERROR_ACCESS_DENIED);
    printf("%lu\n", (DWORD)ERROR_INVALID_HANDLE);
    printf("%lu\n", (DWORD)ERROR_SHARING_VIOLATION);
    printf("%lu\n", (DWORD)ERROR_HANDLE_EOF);
    printf("%lu\n", (DWORD)ERROR_INVALID_PARAMETER);
    printf("%lu\n", (DWORD)ERROR_GEN_FAILURE);
    printf("%lu\n", (DWORD)ERROR_OPERATION_ABORTED);
    printf("%lu\n", (DWORD)ERROR_IO_INCOMPLETE);
    printf("%lu\n", (DWORD)ERROR_IO_PENDING);
    printf("%lu\n", (DWORD)ERROR_NOT_FOUND);
    printf("%lu\n", (DWORD)ERROR_ABANDONED_WAIT_0);
    return 0;
}
// expect: 0
// expect: 2
// expect: 5
// expect: 6
// expect: 32
// expect: 38
// expect: 87
// expect: 31
// expect: 995
// expect: 996
// expect: 997
// expect: 1168
// expect: 735
