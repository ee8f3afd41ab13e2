#include <windows.h>

int main(void)
{
    DECLSPEC_ALIGN(4096) BYTE buffer[4096];
    buffer[0] = 1;
    return buffer[0];
}
// error 5:31: not supported
