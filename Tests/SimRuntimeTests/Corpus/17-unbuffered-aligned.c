/* Unbuffered I/O needs sector-aligned buffers, offsets and lengths. */
#include <windows.h>
#include <stdio.h>
#pragma sim file("disk.img", 65536)
#pragma sim disk(sector=512)

DECLSPEC_ALIGN(4096) static BYTE aligned[8192];

int main(void)
{
    HANDLE h = CreateFile(TEXT("disk.img"), GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_NO_BUFFERING, NULL);
    printf("buffer aligned to page: %d\n", ((ULONG_PTR)aligned & 4095) == 0);
    DWORD n = 0;
    BOOL ok = ReadFile(h, aligned, 4096, &n, NULL);
    printf("aligned read: ok=%d bytes=%lu\n", ok, n);
    ok = ReadFile(h, aligned, 1000, &n, NULL);
    printf("odd length: ok=%d error=%lu\n", ok, ok ? 0 : GetLastError());
    ok = ReadFile(h, aligned + 1, 512, &n, NULL);
    printf("misaligned buffer: ok=%d error=%lu\n", ok, ok ? 0 : GetLastError());
    CloseHandle(h);
    return 0;
}
