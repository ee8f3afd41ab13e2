#include <windows.h>
#include <stdio.h>

int main(void) {
    volatile LONG v = 5;
    printf("%ld\n", InterlockedIncrement(&v));
    printf("%ld\n", InterlockedDecrement(&v));
    LONG old = InterlockedExchange(&v, 40);
    printf("%ld %ld\n", old, v);
    old = InterlockedExchangeAdd(&v, 2);
    printf("%ld %ld\n", old, v);
    old = InterlockedCompareExchange(&v, 100, 41);
    printf("%ld %ld\n", old, v);
    old = InterlockedCompareExchange(&v, 100, 42);
    printf("%ld %ld\n", old, v);
    return 0;
}
// expect: 6
// expect: 5
// expect: 5 40
// expect: 40 42
// expect: 42 42
// expect: 42 100
