#include <windows.h>
#include <stdio.h>

int main(void) {
    DWORD *table = NULL;
    printf("indexing\n");
    table[3] = 1;
    return 0;
}
// expect: indexing
// runtime error: NULL pointer
