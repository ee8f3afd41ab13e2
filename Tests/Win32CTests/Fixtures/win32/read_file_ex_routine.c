#include <windows.h>
#include <stdio.h>
#pragma sim file("x.dat", 4096)

VOID CALLBACK OnRead(DWORD err, DWORD bytes, LPOVERLAPPED lpo) {
    printf("routine err=%lu bytes=%lu offset=%lu\n", err, bytes, lpo->Offset);
}

int main(void) {
    HANDLE h = CreateFile(TEXT("x.dat"), GENERIC_READ, FILE_SHARE_READ, NULL,
                          OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    BYTE buf[100];
    OVERLAPPED o = {0};
    o.Offset = 200;
    BOOL ok = ReadFileEx(h, buf, sizeof buf, &o, OnRead);
    printf("issued %d\n", ok);
    DWORD r = SleepEx(INFINITE, TRUE);
    printf("sleep %lu\n", r);
    CloseHandle(h);
    return 0;
}
// skip: needs kernel
// expect: issued 1
// expect: routine err=0 bytes=100 offset=200
// expect: sleep 192
