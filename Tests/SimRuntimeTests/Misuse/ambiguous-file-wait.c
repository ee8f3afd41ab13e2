/* Method 1 with two requests in flight: the wake on the file handle cannot say which finished. */
#include <windows.h>
#include <stdio.h>
#pragma sim file("data.bin", 65536)
#pragma sim disk(latency_us=2000, cache=off)

int main(void)
{
    HANDLE h = CreateFile(TEXT("data.bin"), GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    static BYTE a[4096], b[4096];
    static OVERLAPPED first, second;
    second.Offset = 4096;
    ReadFile(h, a, sizeof(a), NULL, &first);
    ReadFile(h, b, sizeof(b), NULL, &second);
    WaitForSingleObject(h, INFINITE); // warning: ambiguous-file-wait
    Sleep(10);
    CloseHandle(h);
    return 0;
}
