#include <windows.h>
#include <stdio.h>

typedef struct {
    DWORD id;
    DWORD size;
} RECORD;

int main(void) {
    RECORD recs[3] = {{1, 100}, {2, 200}, {3, 300}};
    RECORD *end = recs + 3;
    DWORD total = 0;
    for (RECORD *r = recs; r < end; r++) total += r->size;
    printf("%lu\n", total);
    RECORD *mid = &recs[1];
    printf("%lu %lu\n", (mid - 1)->id, mid[1].id);
    return 0;
}
// expect: 600
// expect: 1 3
