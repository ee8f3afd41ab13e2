#include <windows.h>

template <typename T>
int twice(int v) { return v + v; }

int main(void) {
    return 0;
}
// error 3:1: not supported
