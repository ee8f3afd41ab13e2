#include <windows.h>
#include <stdio.h>

/* Unbuffered I/O needs sector-aligned buffers; MSVC aligns on request. */
static char before;
DECLSPEC_ALIGN(4096) static BYTE sectorBuffer[512];
static char between;
__declspec(align(64)) LONG counter;

typedef struct DECLSPEC_ALIGN(16) _SLOT {
    DWORD id;
} SLOT;

struct __declspec(align(32)) LINE { char bytes[4]; };

int main(void)
{
    __declspec(align(16)) BYTE local[10];
    DECLSPEC_ALIGN(512) static BYTE page[100];
    printf("%d %d\n", (int)((ULONG_PTR)sectorBuffer % 4096), (int)((ULONG_PTR)&counter % 64));
    printf("%d %d\n", (int)((ULONG_PTR)local % 16), (int)((ULONG_PTR)page % 512));
    printf("%zu %zu\n", sizeof(SLOT), sizeof(struct LINE));
    before = between = 1;
    return before - between;
}
// expect: 0 0
// expect: 0 0
// expect: 16 32
