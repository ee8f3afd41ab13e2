#include <windows.h>
#include <stdio.h>

typedef struct {
    const char *name;
    DWORD (WINAPI *start)(LPVOID);
} JOB;

DWORD WINAPI JobA(LPVOID p) { return 1; }
DWORD WINAPI JobB(LPVOID p) { return *(DWORD *)p; }

int main(void) {
    DWORD arg = 77;
    JOB jobs[2] = {{"a", JobA}, {"b", JobB}};
    for (int i = 0; i < 2; i++) printf("%s=%lu\n", jobs[i].name, jobs[i].start(&arg));
    LPTHREAD_START_ROUTINE r = JobB;
    printf("%lu\n", r(&arg));
    return 0;
}
// expect: a=1
// expect: b=77
// expect: 77
