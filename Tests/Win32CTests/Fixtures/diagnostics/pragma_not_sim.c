#include <windows.h>
#pragma comment(lib, "kernel32.lib")

int main(void) {
    return 0;
}
// error 2:9: pragma
