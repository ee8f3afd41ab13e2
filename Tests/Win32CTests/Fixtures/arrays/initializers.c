#include <windows.h>
#include <stdio.h>

int main(void) {
    int full[4] = {1, 2, 3, 4};
    int partial[5] = {7, 8};
    int zero[3] = {0};
    int sized[] = {5, 6, 7};
    printf("%d %d\n", full[0], full[3]);
    printf("%d %d %d %d %d\n", partial[0], partial[1], partial[2], partial[3], partial[4]);
    printf("%d %d %d\n", zero[0], zero[1], zero[2]);
    printf("%d\n", (int)(sizeof sized / sizeof sized[0]));
    BYTE bytes[4] = {0xDE, 0xAD};
    printf("%X %X %X\n", bytes[0], bytes[1], bytes[3]);
    return 0;
}
// expect: 1 4
// expect: 7 8 0 0 0
// expect: 0 0 0
// expect: 3
// expect: DE AD 0
