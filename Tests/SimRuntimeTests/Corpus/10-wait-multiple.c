/* WaitForMultipleObjects over worker threads; results are sorted before printing. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

#define N 5
static int results[N];

static DWORD WINAPI Square(LPVOID p)
{
    int i = (int)(INT_PTR)p;
    SimCompute(100 * (N - i));
    results[i] = (i + 1) * (i + 1);
    return (DWORD)i;
}

static int __cdecl Descending(const void *a, const void *b)
{
    return *(const int *)b - *(const int *)a;
}

int main(void)
{
    HANDLE threads[N];
    for (int i = 0; i < N; i++) threads[i] = CreateThread(NULL, 0, Square, (LPVOID)(INT_PTR)i, 0, NULL);
    DWORD r = WaitForMultipleObjects(N, threads, TRUE, INFINITE);
    printf("wait all: %lu\n", r);
    r = WaitForMultipleObjects(N, threads, FALSE, 0);
    printf("wait any (all signaled): %lu\n", r - WAIT_OBJECT_0);
    qsort(results, N, sizeof(int), Descending);
    for (int i = 0; i < N; i++) printf("%d%s", results[i], i + 1 < N ? " " : "\n");
    for (int i = 0; i < N; i++) CloseHandle(threads[i]);
    return 0;
}
