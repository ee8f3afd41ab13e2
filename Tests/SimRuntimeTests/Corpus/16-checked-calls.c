/* Error-checking macros in the style of sample code: __VA_ARGS__, #, __FILE__/__LINE__, assert. */
#include <windows.h>
#include <stdio.h>
#include <assert.h>

#define LOG(fmt, ...) printf("%s:%d: " fmt "\n", "checked.c", __LINE__, __VA_ARGS__)
#define CHECK(expr) do { if (!(expr)) { LOG("CHECK(%s) failed, error %lu", #expr, GetLastError()); return 1; } } while (0)
#define FLAG(name) { name, #name }

static const struct { DWORD value; const char *name; } flags[] = {
    FLAG(FILE_FLAG_OVERLAPPED), FLAG(FILE_FLAG_NO_BUFFERING), FLAG(FILE_FLAG_WRITE_THROUGH),
};

int main(void)
{
    for (int i = 0; i < ARRAYSIZE(flags); i++) printf("%-26s 0x%08lX\n", flags[i].name, flags[i].value);
    HANDLE event = CreateEvent(NULL, TRUE, TRUE, NULL);
    CHECK(event != NULL);
    CHECK(WaitForSingleObject(event, 0) == WAIT_OBJECT_0);
    assert(CloseHandle(event));
    HANDLE missing = CreateFileA("absent.dat", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(missing != INVALID_HANDLE_VALUE);
    printf("not reached\n");
    return 0;
}
// exit: 1
