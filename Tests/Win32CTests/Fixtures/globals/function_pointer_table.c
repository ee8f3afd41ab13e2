#include <windows.h>
#include <stdio.h>

static int op_add(int a, int b) { return a + b; }
static int op_sub(int a, int b) { return a - b; }

typedef int (*BINOP)(int, int);
BINOP g_ops[2] = {op_add, op_sub};
const char *g_names[2] = {"add", "sub"};
int g_matrix[2][2] = {{1, 2}, {3, 4}};

int main(void) {
    for (int i = 0; i < 2; i++)
        printf("%s %d\n", g_names[i], g_ops[i](g_matrix[i][0], g_matrix[i][1]));
    return 0;
}
// expect: add 3
// expect: sub -1
