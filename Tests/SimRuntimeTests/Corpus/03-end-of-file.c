/* Documentation style: testing for the end of a file with overlapped reads. */
#include <windows.h>
#include <stdio.h>
#pragma sim file("small.txt", 100)

int main(void)
{
    HANDLE h = CreateFileA("small.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    char buffer[64];
    OVERLAPPED ov = {0};
    DWORD n = 0;
    int reads = 0;
    for (;;) {
        BOOL ok = ReadFile(h, buffer, sizeof(buffer), NULL, &ov);
        DWORD error = ok ? ERROR_SUCCESS : GetLastError();
        if (!ok && error == ERROR_HANDLE_EOF) {
            /* Failed at once: nothing was queued, so there is no result to ask for. */
            printf("end of file after %d reads\n", reads);
            break;
        }
        if (!ok && error != ERROR_IO_PENDING) {
            printf("unexpected error %lu\n", error);
            break;
        }
        if (!GetOverlappedResult(h, &ov, &n, TRUE)) {
            error = GetLastError();
            if (error == ERROR_HANDLE_EOF) {
                printf("end of file after %d reads\n", reads);
                break;
            }
            printf("GetOverlappedResult failed: %lu\n", error);
            break;
        }
        reads++;
        printf("read %lu bytes at %lu\n", n, ov.Offset);
        ov.Offset += n;
    }
    CloseHandle(h);
    return 0;
}
