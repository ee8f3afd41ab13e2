#include <stdio.h>

int main(void) {
    int counts[4] = {0};
    int data[] = {1, 3, 1, 2, 3, 3};
    for (int i = 0; i < 6; i++)
        counts[data[i]] += 1;
    for (int i = 0; i < 4; i++)
        printf("%d:%d\n", i, counts[i]);
    int k = 0;
    counts[k++] += 10;
    printf("%d %d\n", counts[0], k);
    return 0;
}
// expect: 0:0
// expect: 1:2
// expect: 2:1
// expect: 3:3
// expect: 10 1
