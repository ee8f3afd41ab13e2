#include <windows.h>
#include <stdio.h>

int main(void) {
    double d = 9.99;
    int i = (int)d;
    printf("%d\n", i);
    printf("%d\n", (int)-2.7);
    int n = 7;
    double avg = n / 2;
    double avg2 = n / 2.0;
    printf("%f %f\n", avg, avg2);
    DWORD bytes = 3000;
    DWORD usec = 1500;
    double mbps = (double)bytes / usec;
    printf("%.2f\n", mbps);
    printf("%d\n", 2.5 > 2);
    return 0;
}
// expect: 9
// expect: -2
// expect: 3.000000 3.500000
// expect: 2.00
// expect: 1
