#include <windows.h>
#include <stdio.h>

int g_count = 5;
DWORD g_flags = 0x10 | 0x2;
const char *g_name = "global";
int g_table[4] = {1, 2, 3};
int g_zero;
HANDLE g_handle;
static LONG g_static = -7;

int main(void) {
    printf("%d %lu %s\n", g_count, g_flags, g_name);
    printf("%d %d %d\n", g_table[2], g_table[3], g_zero);
    printf("%d %ld\n", g_handle == NULL, g_static);
    g_count++;
    printf("%d\n", g_count);
    return 0;
}
// expect: 5 18 global
// expect: 3 0 0
// expect: 1 -7
// expect: 6
