#include <windows.h>
#include <stdio.h>

typedef struct {
    char c;
    int i;
} A;

typedef struct {
    char c;
    void *p;
    short s;
} B;

typedef struct {
    DWORD d;
    HANDLE h;
} C;

typedef struct {
    char a;
    char b;
    short s;
} D;

int main(void) {
    A a; B b; C c;
    printf("%d %d\n", (int)sizeof(A), (int)((char *)&a.i - (char *)&a));
    printf("%d %d %d\n", (int)sizeof(B), (int)((char *)&b.p - (char *)&b), (int)((char *)&b.s - (char *)&b));
    printf("%d %d\n", (int)sizeof(C), (int)((char *)&c.h - (char *)&c));
    printf("%d\n", (int)sizeof(D));
    return 0;
}
// expect: 8 4
// expect: 24 8 16
// expect: 16 8
// expect: 4
