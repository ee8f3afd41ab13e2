#include <windows.h>
#include <stdio.h>

int main(void) {
    DWORD count = 0;
    count = bytesRead + 1;
    printf("%lu\n", count);
    return 0;
}
// error 6:13: undeclared
