#include <windows.h>
#include <stdio.h>

void ProcessCompletion(DWORD bytes);
BOOL WINAPI VirtualProtect(LPVOID lpAddress, SIZE_T dwSize, DWORD flNewProtect, PDWORD lpflOldProtect);

int main(void)
{
    DWORD old;
    ProcessCompletion(100);
    VirtualProtect(NULL, 0, 0, &old);
    return 0;
}
// error 10:5: 'ProcessCompletion' is declared but not defined
// error 11:5: not supported by the simulated library
