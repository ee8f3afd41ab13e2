#include <windows.h>
#include <stdio.h>

static volatile LONG g_counter = 0;

DWORD WINAPI Bump(LPVOID param) {
    for (int i = 0; i < 500; i++) InterlockedIncrement(&g_counter);
    return 0;
}

int main(void) {
    HANDLE t[4];
    for (int i = 0; i < 4; i++) t[i] = CreateThread(NULL, 0, Bump, NULL, 0, NULL);
    DWORD r = WaitForMultipleObjects(4, t, TRUE, INFINITE);
    printf("%lu %ld\n", r, g_counter);
    for (int i = 0; i < 4; i++) CloseHandle(t[i]);
    return 0;
}
// skip: needs kernel
// expect: 0 2000
