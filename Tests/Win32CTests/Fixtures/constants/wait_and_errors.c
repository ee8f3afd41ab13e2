#include <windows.h>
#include <stdio.h>

int main(void) {
    printf("INFINITE %lu\n", INFINITE);
    printf("WAIT_OBJECT_0 %lu\n", WAIT_OBJECT_0);
    printf("WAIT_ABANDONED_0 %lu\n", WAIT_ABANDONED_0);
    printf("WAIT_TIMEOUT %lu\n", WAIT_TIMEOUT);
    printf("WAIT_IO_COMPLETION %lu\n", WAIT_IO_COMPLETION);
    printf("WAIT_FAILED %lX\n", WAIT_FAILED);
    printf("MAXIMUM_WAIT_OBJECTS %d\n", MAXIMUM_WAIT_OBJECTS);
    return 0;
}
// expect: INFINITE 4294967295
// expect: WAIT_OBJECT_0 0
// expect: WAIT_ABANDONED_0 128
// expect: WAIT_TIMEOUT 258
// expect: WAIT_IO_COMPLETION 192
// expect: WAIT_FAILED FFFFFFFF
// expect: MAXIMUM_WAIT_OBJECTS 64
