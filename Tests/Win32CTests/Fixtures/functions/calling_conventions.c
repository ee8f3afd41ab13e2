#include <windows.h>
#include <stdio.h>

DWORD WINAPI Worker(LPVOID param) {
    return (DWORD)(ULONG_PTR)param + 1;
}

VOID CALLBACK Routine(DWORD err, DWORD bytes, LPOVERLAPPED lpo) {
    printf("routine %lu %lu %d\n", err, bytes, lpo == NULL);
}

int __cdecl cdecl_fn(int a) { return a * 3; }
int __stdcall std_fn(int a) { return a - 1; }
int APIENTRY entry_fn(void) { return 11; }
LONG NTAPI nt_fn(LONG v) { return -v; }

int main(void) {
    printf("%lu\n", Worker((LPVOID)41));
    Routine(0, 512, NULL);
    printf("%d %d %d %ld\n", cdecl_fn(3), std_fn(3), entry_fn(), nt_fn(4));
    return 0;
}
// expect: 42
// expect: routine 0 512 1
// expect: 9 2 11 -4
