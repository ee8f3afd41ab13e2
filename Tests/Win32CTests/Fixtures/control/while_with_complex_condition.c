#include <windows.h>
#include <stdio.h>

int main(void) {
    DWORD pending = 5, done = 0;
    BOOL stop = FALSE;
    while (pending > 0 && !stop) {
        pending--;
        done++;
        if (done == 3) stop = TRUE;
    }
    printf("%lu %lu %d\n", pending, done, stop);
    return 0;
}
// expect: 2 3 1
