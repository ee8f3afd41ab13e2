#include <windows.h>
#include <stdio.h>

int main(void)
{
    HANDLE h = INVALID_HANDLE_VALUE;
    if (h == NULL) {
        /* never taken, still an error */
        ReadFileEX(h, NULL, 0, NULL, NULL);
    }
    prinft("x\n");
    return 0;
}
// error 9:9: call to undeclared function 'ReadFileEX'; did you mean 'ReadFileEx'?
// error 11:5: did you mean 'printf'?
