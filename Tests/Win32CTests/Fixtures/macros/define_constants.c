#include <windows.h>
#include <stdio.h>

#define BUFFER_SIZE 4096
#define REQUESTS 8
#define GREETING "hi there"
#define NEG (-3)
#define MASK 0xFFu

int main(void) {
    BYTE buf[BUFFER_SIZE / REQUESTS];
    printf("%d\n", (int)sizeof buf);
    printf("%s\n", GREETING);
    printf("%d %u\n", NEG * 2, MASK & 0x1234);
    int total = REQUESTS * BUFFER_SIZE;
    printf("%d\n", total);
    return 0;
}
// expect: 512
// expect: hi there
// expect: -6 52
// expect: 32768
