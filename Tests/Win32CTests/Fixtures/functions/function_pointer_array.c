#include <windows.h>
#include <stdio.h>

static int on_read(int n) { return n * 2; }
static int on_write(int n) { return n + 100; }
static int on_close(int n) { return -n; }

int main(void) {
    int (*handlers[3])(int) = {on_read, on_write, on_close};
    for (int i = 0; i < 3; i++) printf("%d\n", handlers[i](i + 1));
    typedef void (*VOIDFN)(void);
    printf("%d\n", (int)sizeof(handlers));
    printf("%d\n", (int)_countof(handlers));
    return 0;
}
// expect: 2
// expect: 102
// expect: -3
// expect: 24
// expect: 3
