#include <windows.h>

static DWORD WINAPI Worker(LPVOID p) { return 0; }

int main(void)
{
    HANDLE t = CreateThread(NULL, 0, Worker, NULL, 0, NULL);
    TerminateThread(t, 1);
    CancelSynchronousIo(t);
    return 0;
}
// error 8:5: 'TerminateThread' is not supported by the simulated library
// error 9:5: CancelIoEx
