#include <windows.h>
#pragma sim cpus(many)
#pragma sim seed("abc")
#pragma sim disk(speed=5)

int main(void) {
    return 0;
}
// error 2:18: pragma
// error 3:18: pragma
// error 4:18: pragma
