#include <windows.h>

namespace io {
    int pending;
}

int main(void) {
    return 0;
}
// error 3:1: not supported
