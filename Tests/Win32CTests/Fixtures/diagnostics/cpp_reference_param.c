#include <windows.h>

void touch(int &r) {
}

int main(void) {
    return 0;
}
// error 3:16: not supported
