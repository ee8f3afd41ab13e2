#include <windows.h>
#include <stdio.h>

int main(void) {
    unsigned u = 3000000000u;
    signed s = -1;
    unsigned char uc = 255;
    signed char sc = -1;
    unsigned short us = 65535;
    short int si = -2;
    long int li = -3;
    unsigned long int uli = 4;
    long long int lli = -5;
    unsigned long long ull = 6;
    VOID *pv = &u;
    INT i = 7;
    UINT ui = 8;
    printf("%u %d %d %d %u %d %ld %lu %lld %llu %d %d %u\n",
           u, s, uc, sc, us, si, li, uli, lli, ull, pv != NULL, i, ui);
    return 0;
}
// expect: 3000000000 -1 255 -1 65535 -2 -3 4 -5 6 1 7 8
