#include <windows.h>
#include <stdio.h>

typedef struct { DWORD a; DWORD b; } PAIR;

DWORD read_b(PAIR *p) {
    return p->b;
}

int main(void) {
    printf("%lu\n", read_b(NULL));
    return 0;
}
// runtime error: NULL pointer
