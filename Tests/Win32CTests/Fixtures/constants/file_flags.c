#include <windows.h>
#include <stdio.h>

int main(void) {
    printf("%lX %lX\n", GENERIC_READ, GENERIC_WRITE);
    printf("%lu %lu %lu\n", (DWORD)FILE_SHARE_READ, (DWORD)FILE_SHARE_WRITE, (DWORD)FILE_SHARE_DELETE);
    printf("%lu %lu %lu %lu %lu\n", (DWORD)CREATE_NEW, (DWORD)CREATE_ALWAYS, (DWORD)OPEN_EXISTING,
           (DWORD)OPEN_ALWAYS, (DWORD)TRUNCATE_EXISTING);
    printf("%lX\n", (DWORD)FILE_FLAG_OVERLAPPED);
    printf("%lX\n", (DWORD)FILE_FLAG_NO_BUFFERING);
    printf("%lX\n", (DWORD)FILE_ATTRIBUTE_NORMAL);
    printf("%lu %lu\n", (DWORD)FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, (DWORD)FILE_SKIP_SET_EVENT_ON_HANDLE);
    printf("%lu %lu %lu\n", (DWORD)FILE_BEGIN, (DWORD)FILE_CURRENT, (DWORD)FILE_END);
    return 0;
}
// expect: 80000000 40000000
// expect: 1 2 4
// expect: 1 2 3 4 5
// expect: 40000000
// expect: 20000000
// expect: 80
// expect: 1 2
// expect: 0 1 2
