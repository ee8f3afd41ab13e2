#include <windows.h>
#include <stdio.h>

int main(void) {
    OVERLAPPED o = {0};
    o.Internal = 0xC0000011;
    o.InternalHigh = 0;
    printf("status=0x%08lX bytes=%lu\n", (DWORD)o.Internal, (DWORD)o.InternalHigh);
    printf("error %lu (0x%lX)\n", (DWORD)997, (DWORD)997);
    return 0;
}
// expect: status=0xC0000011 bytes=0
// expect: error 997 (0x3E5)
