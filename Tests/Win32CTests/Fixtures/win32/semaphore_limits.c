#include <windows.h>
#include <stdio.h>

int main(void) {
    HANDLE s = CreateSemaphore(NULL, 1, 2, NULL);
    printf("%lu\n", WaitForSingleObject(s, 0));
    printf("%lu\n", WaitForSingleObject(s, 0));
    LONG prev = -1;
    BOOL ok = ReleaseSemaphore(s, 1, &prev);
    printf("%d %ld\n", ok, prev);
    ok = ReleaseSemaphore(s, 2, &prev);
    printf("%d %lu\n", ok, GetLastError());
    CloseHandle(s);
    return 0;
}
// skip: needs kernel
// expect: 0
// expect: 258
// expect: 1 0
// expect: 0 298
