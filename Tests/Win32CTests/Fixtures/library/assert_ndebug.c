#define NDEBUG
#include <windows.h>
#include <stdio.h>
#include <assert.h>

int main(void)
{
    int calls = 0;
    assert(++calls == 100);
    printf("%d\n", calls);
    return 0;
}
// expect: 0
