#include <windows.h>
#include <stdio.h>

LONG g_pending = 0;
extern int g_later;

void start(void) { g_pending++; }
void finish(void) { g_pending--; g_later += 10; }

int g_later = 1;

int main(void) {
    start(); start(); start();
    finish();
    printf("%ld %d\n", g_pending, g_later);
    return 0;
}
// expect: 2 11
