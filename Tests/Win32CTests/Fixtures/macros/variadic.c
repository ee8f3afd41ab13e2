#include <windows.h>
#include <stdio.h>

#define LOG(fmt, ...) printf("[log] " fmt "\n", __VA_ARGS__)
#define TRACE(fmt, ...) printf(fmt "\n", ##__VA_ARGS__)
#define COUNT_ARGS(...) CountArgs(__VA_ARGS__)
#define FIRST(a, ...) (a)

static int CountArgs(int a, int b, int c) { return a + b + c; }

int main(void)
{
    LOG("%d + %d = %d", 2, 3, 2 + 3);
    LOG("%s", "one argument");
    TRACE("no arguments at all");
    TRACE("with %d", 1);
    printf("%d %d\n", COUNT_ARGS(1, 2, 3), FIRST(9, 8, 7));
    return 0;
}
// expect: [log] 2 + 3 = 5
// expect: [log] one argument
// expect: no arguments at all
// expect: with 1
// expect: 6 9
