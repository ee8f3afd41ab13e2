#include <windows.h>
#include <stdio.h>

int main(void) {
    OVERLAPPED_ENTRY e;
    BYTE *b = (BYTE *)&e;
    printf("%d\n", (int)sizeof(OVERLAPPED_ENTRY));
    printf("%d %d %d %d\n", (int)((BYTE *)&e.lpCompletionKey - b), (int)((BYTE *)&e.lpOverlapped - b),
           (int)((BYTE *)&e.Internal - b), (int)((BYTE *)&e.dwNumberOfBytesTransferred - b));
    printf("%d\n", (int)sizeof(SYSTEM_INFO));
    return 0;
}
// expect: 32
// expect: 0 8 16 24
// expect: 48
