#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct _REQUEST { DWORD id; DWORD offset; } REQUEST;

static int __cdecl CompareInts(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int __cdecl ByOffset(const void *a, const void *b)
{
    const REQUEST *x = (const REQUEST *)a, *y = (const REQUEST *)b;
    return x->offset < y->offset ? -1 : x->offset > y->offset ? 1 : 0;
}

int main(void)
{
    int values[] = { 42, -7, 19, 0, 1000, 3, 3, -50 };
    qsort(values, _countof(values), sizeof(values[0]), CompareInts);
    for (int i = 0; i < _countof(values); i++) printf("%d ", values[i]);
    printf("\n");
    int key = 19;
    int *found = (int *)bsearch(&key, values, _countof(values), sizeof(int), CompareInts);
    key = 20;
    printf("%d %d\n", found ? (int)(found - values) : -1, bsearch(&key, values, _countof(values), sizeof(int), CompareInts) == NULL);
    REQUEST requests[4] = { { 1, 8192 }, { 2, 0 }, { 3, 12288 }, { 4, 4096 } };
    qsort(requests, 4, sizeof(REQUEST), ByOffset);
    for (int i = 0; i < 4; i++) printf("%lu@%lu ", requests[i].id, requests[i].offset);
    printf("\n");
    return 0;
}
// expect: -50 -7 0 3 3 19 42 1000 
// expect: 5 1
// expect: 2@0 4@4096 1@8192 3@12288 
