#include <windows.h>
#include <stdio.h>

typedef DECLSPEC_ALIGN(64) struct _CACHE_LINE {
    LONG counter;
} CACHE_LINE;

static CACHE_LINE lines[2];

int main(void)
{
    printf("%zu %zu\n", sizeof(CACHE_LINE), sizeof(struct _CACHE_LINE));
    printf("%d %d\n", (int)((ULONG_PTR)&lines[0] % 64), (int)((char *)&lines[1] - (char *)&lines[0]));
    return 0;
}
// expect: 64 64
// expect: 0 64
