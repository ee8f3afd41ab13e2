#include <windows.h>
#pragma sim turbo(1)

int main(void) {
    return 0;
}
// error 2:13: pragma
