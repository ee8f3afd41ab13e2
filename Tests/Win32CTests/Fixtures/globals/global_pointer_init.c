#include <stdio.h>

int g_value = 12;
int *g_ptr = &g_value;
int g_arr[3] = {7, 8, 9};
int *g_mid = &g_arr[1];
char g_msg[] = "message";

int main(void) {
    *g_ptr += 1;
    printf("%d %d %s\n", g_value, *g_mid, g_msg);
    printf("%d\n", (int)sizeof g_msg);
    return 0;
}
// expect: 13 8 message
// expect: 8
