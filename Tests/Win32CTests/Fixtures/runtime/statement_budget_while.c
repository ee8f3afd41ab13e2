#include <stdio.h>

int main(void) {
    int done = 0;
    while (!done) {
    }
    printf("never\n");
    return 0;
}
// runtime error: statement budget
