#include <windows.h>
#include <stdio.h>

int main(void)
{
    char dir[MAX_PATH], name[MAX_PATH];
    DWORD n = GetTempPathA(MAX_PATH, dir);
    printf("%lu %d\n", n, dir[n - 1] == '\\');
    printf("needs %lu\n", GetTempPathA(2, dir));
    UINT u = GetTempFileNameA(dir, "ovl", 0, name);
    printf("%u %s\n", u, name + n);
    HANDLE h = CreateFileA(name, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    printf("exists: %d\n", h != INVALID_HANDLE_VALUE);
    CloseHandle(h);
    u = GetTempFileNameA(dir, "ovl", 0, name);
    printf("%u %s\n", u, name + n);
    printf("%u %s\n", GetTempFileNameA(dir, "x", 0xABC, name), name + n);
    h = CreateFileA(name, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    printf("not created: %d %lu\n", h == INVALID_HANDLE_VALUE, GetLastError());

    HANDLE s = CreateSemaphoreExW(NULL, 1, 2, NULL, 0, SEMAPHORE_ALL_ACCESS);
    printf("%lu\n", WaitForSingleObject(s, 0));
    printf("%lu\n", WaitForSingleObject(s, 0));
    LONG previous = -1;
    ReleaseSemaphore(s, 2, &previous);
    printf("%ld %lu\n", previous, WaitForSingleObject(s, 0));
    BOOL released = ReleaseSemaphore(s, 5, NULL);
    printf("%d %lu\n", released, GetLastError());
    CloseHandle(s);
    return 0;
}
// skip: needs kernel
// expect: 8 1
// expect: needs 9
// expect: 1 ovl1.tmp
// expect: exists: 1
// expect: 2 ovl2.tmp
// expect: 2748 xABC.tmp
// expect: not created: 1 2
// expect: 0
// expect: 258
// expect: 0 0
// expect: 0 298
