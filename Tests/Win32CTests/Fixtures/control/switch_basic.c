#include <windows.h>
#include <stdio.h>

const char *name(DWORD code) {
    switch (code) {
    case WAIT_OBJECT_0: return "signaled";
    case WAIT_TIMEOUT: return "timeout";
    case WAIT_IO_COMPLETION: return "apc";
    case WAIT_FAILED: return "failed";
    default: return "other";
    }
}

int main(void) {
    printf("%s\n", name(0));
    printf("%s\n", name(258));
    printf("%s\n", name(0xC0));
    printf("%s\n", name(0xFFFFFFFF));
    printf("%s\n", name(7));
    return 0;
}
// expect: signaled
// expect: timeout
// expect: apc
// expect: failed
// expect: other
