#include <windows.h>

int main(void) {
    int *p = new int;
    delete p;
    return 0;
}
// error 4:14: not supported
// error 5:5: not supported
