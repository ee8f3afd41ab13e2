#include <stdbool.h>
#include <stdio.h>
#include <windows.h>

static bool IsEven(int n) { return n % 2 == 0; }

int main(void)
{
    bool flag = true;
    bool fromInt = 42;          /* any nonzero value becomes 1 */
    bool fromPointer = "text";  /* a non-NULL pointer is true */
    _Bool fromDouble = 0.5;
    bool none = false;
    printf("%d %d %d %d %d\n", flag, fromInt, fromPointer, fromDouble, none);
    printf("%d %d %zu\n", IsEven(4), IsEven(7), sizeof(bool));
    if (!none && flag) printf("logic ok\n");
    return 0;
}
// expect: 1 1 1 1 0
// expect: 1 0 1
// expect: logic ok
