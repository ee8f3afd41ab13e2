#include <windows.h>
#include <stdio.h>

int main(void) {
    OVERLAPPED o;
    o.Offset = 99;
    o.hEvent = (HANDLE)1;
    ZeroMemory(&o, sizeof(o));
    printf("%lu %d\n", o.Offset, o.hEvent == NULL);
    char src[8] = "copyme";
    char dst[8] = {0};
    CopyMemory(dst, src, 7);
    printf("%s\n", dst);
    DWORD nums[3] = {1, 2, 3};
    DWORD copy[3];
    CopyMemory(copy, nums, sizeof nums);
    printf("%lu %lu\n", copy[0], copy[2]);
    return 0;
}
// expect: 0 1
// expect: copyme
// expect: 1 3
