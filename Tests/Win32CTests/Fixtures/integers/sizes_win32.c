#include <windows.h>
#include <stdio.h>

int main(void) {
    printf("%d %d %d %d\n", (int)sizeof(BYTE), (int)sizeof(WORD), (int)sizeof(DWORD), (int)sizeof(BOOL));
    printf("%d %d %d\n", (int)sizeof(LONG), (int)sizeof(ULONG), (int)sizeof(UINT));
    printf("%d %d\n", (int)sizeof(LONGLONG), (int)sizeof(ULONGLONG));
    printf("%d %d %d %d\n", (int)sizeof(ULONG_PTR), (int)sizeof(DWORD_PTR), (int)sizeof(SIZE_T), (int)sizeof(INT_PTR));
    printf("%d %d %d\n", (int)sizeof(HANDLE), (int)sizeof(LPVOID), (int)sizeof(LPDWORD));
    printf("%d %d %d\n", (int)sizeof(CHAR), (int)sizeof(WCHAR), (int)sizeof(TCHAR));
    printf("%d %d\n", (int)sizeof(USHORT), (int)sizeof(UCHAR));
    printf("%d\n", (int)sizeof(LARGE_INTEGER));
    return 0;
}
// expect: 1 2 4 4
// expect: 4 4 4
// expect: 8 8
// expect: 8 8 8 8
// expect: 8 8 8
// expect: 1 2 1
// expect: 2 1
// expect: 8
