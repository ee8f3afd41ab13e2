#include <windows.h>
#include <stdio.h>

int work(int fail_at) {
    int step = 0;
    if (fail_at == 1) goto cleanup;
    step = 1;
    if (fail_at == 2) goto cleanup;
    step = 2;
cleanup:
    printf("cleanup after step %d\n", step);
    return step;
}

int main(void) {
    work(1);
    work(2);
    work(0);
    return 0;
}
// expect: cleanup after step 0
// expect: cleanup after step 1
// expect: cleanup after step 2
