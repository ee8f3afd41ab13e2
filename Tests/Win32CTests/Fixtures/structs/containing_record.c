#include <windows.h>
#include <stdio.h>

typedef struct {
    DWORD id;
    char name[12];
    OVERLAPPED ov;
    DWORD extra;
} REQUEST;

void handle(LPOVERLAPPED lpo) {
    REQUEST *r = CONTAINING_RECORD(lpo, REQUEST, ov);
    printf("request %lu %s\n", r->id, r->name);
}

int main(void) {
    REQUEST reqs[2] = {{7, "first"}, {8, "second"}};
    handle(&reqs[1].ov);
    handle(&reqs[0].ov);
    REQUEST *cast = (REQUEST *)((BYTE *)&reqs[0].ov - 16);
    printf("%lu\n", cast->id);
    return 0;
}
// expect: request 8 second
// expect: request 7 first
// expect: 7
