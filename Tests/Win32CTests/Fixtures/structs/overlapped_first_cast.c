#include <windows.h>
#include <stdio.h>

typedef struct {
    OVERLAPPED ov;
    int slot;
} IOREQ;

int main(void) {
    IOREQ req = {0};
    req.slot = 42;
    LPOVERLAPPED lpo = &req.ov;
    IOREQ *back = (IOREQ *)lpo;
    printf("%d\n", back->slot);
    printf("%d\n", (void *)lpo == (void *)&req);
    return 0;
}
// expect: 42
// expect: 1
