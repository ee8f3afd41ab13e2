#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct { OVERLAPPED ov; DWORD n; } REQ;

int main(void) {
    REQ *reqs = (REQ *)calloc(4, sizeof(REQ));
    int nonzero = 0;
    BYTE *p = (BYTE *)reqs;
    for (SIZE_T i = 0; i < 4 * sizeof(REQ); i++)
        if (p[i]) nonzero++;
    printf("%d %d\n", nonzero, (int)sizeof(REQ));
    reqs[3].n = 5;
    printf("%lu\n", reqs[3].n);
    free(reqs);
    return 0;
}
// expect: 0 40
// expect: 5
