#include <windows.h>
#pragma sim file("data.bin")

int main(void) {
    return 0;
}
// error 2:28: pragma
