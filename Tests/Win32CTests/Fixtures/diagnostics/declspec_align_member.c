#include <windows.h>

typedef struct _IO_SLOT {
    DWORD id;
    DECLSPEC_ALIGN(512) BYTE sector[512];
} IO_SLOT;

typedef DECLSPEC_ALIGN(16) DWORD ALIGNED_DWORD;

int main(void)
{
    return 0;
}
// error 5:5: not supported
// error 8:34: not supported
