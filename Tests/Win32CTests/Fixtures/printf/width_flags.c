#include <stdio.h>

int main(void) {
    printf("[%5d]\n", 42);
    printf("[%-5d]\n", 42);
    printf("[%05d]\n", 42);
    printf("[%05d]\n", -42);
    printf("[%2d]\n", 12345);
    printf("[%-8s]\n", "ab");
    printf("[%8s]\n", "ab");
    printf("[%3c]\n", 'x');
    printf("[%-3c]\n", 'x');
    printf("[%8lu]\n", 997UL);
    printf("[%-10lld]\n", -5LL);
    return 0;
}
// expect: [   42]
// expect: [42   ]
// expect: [00042]
// expect: [-0042]
// expect: [12345]
// expect: [ab      ]
// expect: [      ab]
// expect: [  x]
// expect: [x  ]
// expect: [     997]
// expect: [-5        ]
