#include <windows.h>

int main(void)
{
    DWORD old;
    VirtualProtect(NULL, 4096, PAGE_READONLY, &old);
    HANDLE q = CreateTimerQueue();
    return q == NULL;
}
// error 6:5: 'VirtualProtect' is not supported by the simulated library
// error 7:16: timer queues are not simulated
