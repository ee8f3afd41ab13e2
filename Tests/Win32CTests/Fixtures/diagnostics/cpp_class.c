#include <windows.h>

class Reader {
public:
    int count;
};

int main(void) {
    return 0;
}
// error 3:1: not supported
