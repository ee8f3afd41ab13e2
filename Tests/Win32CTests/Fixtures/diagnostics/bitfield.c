#include <windows.h>

typedef struct {
    unsigned int ready : 1;
    unsigned int count;
} FLAGS;

int main(void) {
    return 0;
}
// error 4:24: not supported
