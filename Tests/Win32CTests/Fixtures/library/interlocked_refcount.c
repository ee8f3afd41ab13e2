#include <windows.h>
#include <stdio.h>

typedef struct { LONG refs; int payload; } OBJ;

void release(OBJ *o) {
    if (InterlockedDecrement(&o->refs) == 0) printf("freed %d\n", o->payload);
}

int main(void) {
    OBJ o = {1, 9};
    InterlockedIncrement(&o.refs);
    InterlockedIncrement(&o.refs);
    release(&o);
    release(&o);
    printf("refs %ld\n", o.refs);
    release(&o);
    return 0;
}
// expect: refs 1
// expect: freed 9
