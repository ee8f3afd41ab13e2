#include <windows.h>
#include <stdio.h>

int main(void) {
    HANDLE h = CreateEvent(NULL, TRUE, FALSE, NULL);
    CloseHandle();
    WaitForSingleObject(h);
    return 0;
}
// error 6:5: arguments
// error 7:5: arguments
