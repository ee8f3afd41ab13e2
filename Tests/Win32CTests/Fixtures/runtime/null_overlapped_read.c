#include <windows.h>
#include <stdio.h>

int main(void) {
    LPOVERLAPPED lpo = NULL;
    printf("reading\n");
    DWORD off = lpo->Offset;
    printf("%lu\n", off);
    return 0;
}
// expect: reading
// runtime error: NULL pointer
