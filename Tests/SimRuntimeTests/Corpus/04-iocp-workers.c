/* Completion-port sample: workers drain reads of one file; the main thread posts shutdown packets. */
#include <windows.h>
#include <stdio.h>
#pragma sim file("big.dat", 262144)
#pragma sim cpus(4)

#define WORKERS 3
#define BLOCK 16384
#define BLOCKS 16
#define KEY_FILE 1
#define KEY_QUIT 0

typedef struct _IO_REQUEST {
    OVERLAPPED ov;
    BYTE data[BLOCK];
} IO_REQUEST;

static HANDLE port;
static volatile LONG bytesDone, packets;

static unsigned __stdcall Worker(void *unused)
{
    for (;;) {
        DWORD bytes;
        ULONG_PTR key;
        LPOVERLAPPED ov;
        BOOL ok = GetQueuedCompletionStatus(port, &bytes, &key, &ov, INFINITE);
        if (ok && key == KEY_QUIT) break;
        if (ok) {
            InterlockedExchangeAdd(&bytesDone, (LONG)bytes);
            InterlockedIncrement(&packets);
        }
    }
    return 0;
}

int main(void)
{
    HANDLE file = CreateFile(TEXT("big.dat"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                             FILE_FLAG_OVERLAPPED, NULL);
    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, WORKERS);
    CreateIoCompletionPort(file, port, KEY_FILE, 0);
    HANDLE threads[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        threads[i] = (HANDLE)_beginthreadex(NULL, 0, Worker, NULL, 0, NULL);
    IO_REQUEST *requests = (IO_REQUEST *)calloc(BLOCKS, sizeof(IO_REQUEST));
    int pending = 0;
    for (int i = 0; i < BLOCKS; i++) {
        requests[i].ov.Offset = i * BLOCK;
        if (ReadFile(file, requests[i].data, BLOCK, NULL, &requests[i].ov) || GetLastError() == ERROR_IO_PENDING)
            pending++;
    }
    printf("issued %d reads\n", pending);
    while (packets < pending) Sleep(1);
    for (int i = 0; i < WORKERS; i++) PostQueuedCompletionStatus(port, 0, KEY_QUIT, NULL);
    WaitForMultipleObjects(WORKERS, threads, TRUE, INFINITE);
    printf("completions %ld, bytes %ld\n", packets, bytesDone);
    for (int i = 0; i < WORKERS; i++) CloseHandle(threads[i]);
    free(requests);
    CloseHandle(file);
    CloseHandle(port);
    return 0;
}
