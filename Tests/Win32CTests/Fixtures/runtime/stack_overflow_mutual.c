#include <stdio.h>

int pong(int n);

int ping(int n) {
    return pong(n + 1) + 1;
}

int pong(int n) {
    return ping(n + 1) + 1;
}

int main(void) {
    return ping(0);
}
// runtime error: stack overflow
