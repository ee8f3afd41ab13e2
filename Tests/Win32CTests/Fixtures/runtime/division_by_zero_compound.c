#include <stdio.h>

int main(void) {
    long long total = 100;
    int parts = 0;
    total /= parts;
    printf("%lld\n", total);
    return 0;
}
// runtime error: division by zero
