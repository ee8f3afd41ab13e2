/// The benchmark workloads written in the program dialect, built into the
/// binary so `overlapped bench` runs from any folder. Each is an ordinary
/// program (`overlapped run` runs it too); its sizes are `#pragma sim param`
/// constants, which `--quick` scales down with `RunSettings.parameters`.
enum BenchPrograms {
    static let iocpServer = #"""
        #include <windows.h>
        #include <stdio.h>
        #pragma sim cpus(2)
        #pragma sim seed(1)
        #pragma sim disk(latency_us=2000, jitter_us=500, parallel=4, cache=off)
        #pragma sim file("clients.dat", 4096000)
        #pragma sim param(CLIENTS, 1000)
        #pragma sim param(REQUESTS, 200000)
        #pragma sim param(PROCESS_US, 50)

        typedef struct {
            OVERLAPPED ov;
            DWORD client;
            BOOL writing;
        } CLIENT;

        HANDLE port;
        HANDLE file;
        HANDLE finished;
        CLIENT *clients;
        BYTE *buffers;
        volatile LONG done = 0;

        void issue(CLIENT *c, BOOL write) {
            ZeroMemory(&c->ov, sizeof(OVERLAPPED));
            c->ov.Offset = c->client * 4096;
            c->writing = write;
            BYTE *buf = buffers + c->client * 4096;
            BOOL ok = write ? WriteFile(file, buf, 4096, NULL, &c->ov) : ReadFile(file, buf, 4096, NULL, &c->ov);
            if (!ok && GetLastError() != ERROR_IO_PENDING) printf("I/O failed: %lu\n", GetLastError());
        }

        DWORD WINAPI worker(LPVOID arg) {
            DWORD bytes;
            ULONG_PTR key;
            LPOVERLAPPED ov;
            for (;;) {
                GetQueuedCompletionStatus(port, &bytes, &key, &ov, INFINITE);
                if (ov == NULL) return 0;
                CLIENT *c = CONTAINING_RECORD(ov, CLIENT, ov);
                if (!c->writing) {
                    SimCompute(PROCESS_US);
                    issue(c, TRUE);
                } else {
                    if (InterlockedIncrement(&done) == REQUESTS) SetEvent(finished);
                    issue(c, FALSE);
                }
            }
        }

        int main(void) {
            SYSTEM_INFO si;
            GetSystemInfo(&si);
            DWORD threads = 2 * si.dwNumberOfProcessors;
            file = CreateFile(TEXT("clients.dat"), GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                              FILE_FLAG_OVERLAPPED | FILE_FLAG_NO_BUFFERING, NULL);
            port = CreateIoCompletionPort(file, NULL, 0, 0);
            finished = CreateEvent(NULL, TRUE, FALSE, NULL);
            clients = (CLIENT *)VirtualAlloc(NULL, CLIENTS * sizeof(CLIENT), MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
            buffers = (BYTE *)VirtualAlloc(NULL, CLIENTS * 4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
            for (DWORD t = 0; t < threads; t++) CreateThread(NULL, 0, worker, NULL, 0, NULL);
            for (DWORD i = 0; i < CLIENTS; i++) {
                clients[i].client = i;
                issue(&clients[i], FALSE);
            }
            WaitForSingleObject(finished, INFINITE);
            printf("%ld requests done\n", done);
            return 0;
        }
        """#

    static let filecopy = #"""
        #include <windows.h>
        #include <stdio.h>
        #pragma sim cpus(2)
        #pragma sim seed(1)
        #pragma sim disk(latency_us=2000, jitter_us=500, parallel=4, cache=off)
        #pragma sim file("source.dat", 268435456)
        #pragma sim param(FILE_BYTES, 268435456)
        #pragma sim param(CHUNK, 65536)
        #pragma sim param(IN_FLIGHT, 4)

        typedef struct {
            OVERLAPPED ov;
            BYTE *buf;
            ULONGLONG offset;
            BOOL writing;
        } SLOT;

        HANDLE src, dst, port;
        SLOT slots[IN_FLIGHT];
        ULONGLONG nextOffset = 0;

        BOOL startRead(SLOT *s) {
            if (nextOffset >= FILE_BYTES) return FALSE;
            ZeroMemory(&s->ov, sizeof(OVERLAPPED));
            s->offset = nextOffset;
            nextOffset += CHUNK;
            s->ov.Offset = (DWORD)s->offset;
            s->ov.OffsetHigh = (DWORD)(s->offset >> 32);
            s->writing = FALSE;
            if (!ReadFile(src, s->buf, CHUNK, NULL, &s->ov) && GetLastError() != ERROR_IO_PENDING) {
                printf("ReadFile failed: %lu\n", GetLastError());
                return FALSE;
            }
            return TRUE;
        }

        int main(void) {
            src = CreateFile(TEXT("source.dat"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                             FILE_FLAG_OVERLAPPED | FILE_FLAG_NO_BUFFERING, NULL);
            dst = CreateFile(TEXT("copy.dat"), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                             FILE_FLAG_OVERLAPPED | FILE_FLAG_NO_BUFFERING, NULL);
            port = CreateIoCompletionPort(src, NULL, 1, 1);
            CreateIoCompletionPort(dst, port, 2, 1);
            int active = 0;
            for (int i = 0; i < IN_FLIGHT; i++) {
                slots[i].buf = (BYTE *)VirtualAlloc(NULL, CHUNK, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
                if (startRead(&slots[i])) active++;
            }
            ULONGLONG copied = 0;
            while (active > 0) {
                DWORD bytes;
                ULONG_PTR key;
                LPOVERLAPPED ov;
                if (!GetQueuedCompletionStatus(port, &bytes, &key, &ov, INFINITE)) {
                    printf("GetQueuedCompletionStatus failed: %lu\n", GetLastError());
                    return 1;
                }
                SLOT *s = CONTAINING_RECORD(ov, SLOT, ov);
                if (!s->writing) {
                    s->writing = TRUE;
                    ZeroMemory(&s->ov, sizeof(OVERLAPPED));
                    s->ov.Offset = (DWORD)s->offset;
                    s->ov.OffsetHigh = (DWORD)(s->offset >> 32);
                    if (!WriteFile(dst, s->buf, bytes, NULL, &s->ov) && GetLastError() != ERROR_IO_PENDING) {
                        printf("WriteFile failed: %lu\n", GetLastError());
                        return 1;
                    }
                } else {
                    copied += bytes;
                    if (!startRead(s)) active--;
                }
            }
            printf("copied %llu bytes\n", copied);
            CloseHandle(dst);
            CloseHandle(src);
            CloseHandle(port);
            return 0;
        }
        """#

    static let apcStorm = #"""
        #include <windows.h>
        #include <stdio.h>
        #pragma sim cpus(2)
        #pragma sim seed(1)
        #pragma sim disk(latency_us=2000, jitter_us=500, parallel=4, cache=off)
        #pragma sim file("data.dat", 4194304)
        #pragma sim param(IN_FLIGHT, 64)
        #pragma sim param(COMPLETIONS, 100000)

        typedef struct {
            OVERLAPPED ov;
            DWORD slot;
        } REQUEST;

        HANDLE file;
        REQUEST requests[IN_FLIGHT];
        BYTE *buffers;
        DWORD completed = 0;
        DWORD issued = 0;

        VOID CALLBACK ReadDone(DWORD error, DWORD bytes, LPOVERLAPPED ov);

        void issue(REQUEST *r) {
            ZeroMemory(&r->ov, sizeof(OVERLAPPED));
            r->ov.Offset = (issued % 1024) * 4096;
            issued++;
            if (!ReadFileEx(file, buffers + r->slot * 4096, 4096, &r->ov, ReadDone)) {
                printf("ReadFileEx failed: %lu\n", GetLastError());
            }
        }

        VOID CALLBACK ReadDone(DWORD error, DWORD bytes, LPOVERLAPPED ov) {
            REQUEST *r = CONTAINING_RECORD(ov, REQUEST, ov);
            completed++;
            if (issued < COMPLETIONS) issue(r);
        }

        int main(void) {
            file = CreateFile(TEXT("data.dat"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                              FILE_FLAG_OVERLAPPED | FILE_FLAG_NO_BUFFERING, NULL);
            buffers = (BYTE *)VirtualAlloc(NULL, IN_FLIGHT * 4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
            for (DWORD i = 0; i < IN_FLIGHT; i++) {
                requests[i].slot = i;
                issue(&requests[i]);
            }
            while (completed < COMPLETIONS) SleepEx(INFINITE, TRUE);
            printf("%lu completions\n", completed);
            return 0;
        }
        """#

    static let wfmo64 = #"""
        #include <windows.h>
        #include <stdio.h>
        #pragma sim cpus(2)
        #pragma sim seed(1)
        #pragma sim disk(latency_us=2000, jitter_us=500, parallel=4, cache=off)
        #pragma sim file("data.dat", 4194304)
        #pragma sim param(COMPLETIONS, 100000)

        HANDLE file;
        HANDLE events[64];
        OVERLAPPED ovs[64];
        BYTE *buffers;
        DWORD issued = 0;

        void issue(DWORD i) {
            HANDLE ev = events[i];
            ZeroMemory(&ovs[i], sizeof(OVERLAPPED));
            ovs[i].hEvent = ev;
            ovs[i].Offset = (issued % 1024) * 4096;
            issued++;
            if (!ReadFile(file, buffers + i * 4096, 4096, NULL, &ovs[i]) && GetLastError() != ERROR_IO_PENDING) {
                printf("ReadFile failed: %lu\n", GetLastError());
            }
        }

        int main(void) {
            file = CreateFile(TEXT("data.dat"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                              FILE_FLAG_OVERLAPPED | FILE_FLAG_NO_BUFFERING, NULL);
            buffers = (BYTE *)VirtualAlloc(NULL, 64 * 4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
            for (DWORD i = 0; i < 64; i++) {
                events[i] = CreateEvent(NULL, TRUE, FALSE, NULL);
                issue(i);
            }
            DWORD completed = 0;
            while (completed < COMPLETIONS) {
                DWORD w = WaitForMultipleObjects(64, events, FALSE, INFINITE);
                if (w >= WAIT_OBJECT_0 + 64) {
                    printf("WaitForMultipleObjects failed: %lu\n", GetLastError());
                    return 1;
                }
                DWORD i = w - WAIT_OBJECT_0;
                DWORD bytes;
                if (!GetOverlappedResult(file, &ovs[i], &bytes, FALSE)) {
                    printf("GetOverlappedResult failed: %lu\n", GetLastError());
                    return 1;
                }
                completed++;
                if (issued < COMPLETIONS) issue(i);
                else ResetEvent(events[i]);
            }
            printf("%lu completions\n", completed);
            return 0;
        }
        """#

    static let vm = #"""
        #include <windows.h>
        #include <stdio.h>
        #pragma sim param(ITERATIONS, 10000000)

        int main(void) {
            unsigned int sum = 0;
            unsigned int x = 12345;
            for (int i = 0; i < ITERATIONS; i++) {
                x = x * 1103515245 + 12345;
                sum += x >> 16;
            }
            printf("%u\n", sum);
            return 0;
        }
        """#
}
