#include <windows.h>

typedef struct { int x; } BOX;

int main(void) {
    BOX b = {0};
    if (b) {
        return 1;
    }
    return 0;
}
// error 7:9: type
