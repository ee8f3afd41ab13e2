#include <stdio.h>

int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
long long power(long long b, int e) {
    if (e == 0) return 1;
    long long half = power(b, e / 2);
    return e % 2 ? half * half * b : half * half;
}

int main(void) {
    printf("%d\n", fact(10));
    printf("%d\n", fib(20));
    printf("%lld\n", power(3, 30));
    return 0;
}
// expect: 3628800
// expect: 6765
// expect: 205891132094649
