#include <windows.h>
#include <stdio.h>

void ProcessCompletion(DWORD bytes);

int main(void) {
    printf("calling\n");
    ProcessCompletion(100);
    printf("returned\n");
    return 0;
}
// expect: calling
// runtime error: unknown function
