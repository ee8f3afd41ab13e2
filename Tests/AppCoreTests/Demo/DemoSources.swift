@testable import AppCore
/// Short C programs shown in the source view of the scripted runs. Line
/// numbers matter: the scripts point threads at them.
enum DemoSources {
    static func text(for method: DemoSimulation.Method) -> String {
        switch method {
        case .device: return device
        case .event: return event
        case .alertable: return alertable
        case .port: return port
        }
    }

    static let device = """
        #include <windows.h>
        #include <stdio.h>
        #pragma sim file("data.bin", 262144)

        /* One request at a time; the file handle itself is the signal. */
        int main(void)
        {
            HANDLE hFile = CreateFile(TEXT("data.bin"), GENERIC_READ, 0, NULL,
                                      OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
            static BYTE buf[65536];
            for (DWORD i = 0; i < 4; i++) {
                OVERLAPPED o = {0};
                o.Offset = i * 65536;
                ReadFile(hFile, buf, sizeof buf, NULL, &o);
                /* The handle is reset when the read starts, set when it ends. */
                WaitForSingleObject(hFile, INFINITE);
                /* Which request finished? With one in flight, we know. */
                printf("block %lu done\\n", i);
            }
            CloseHandle(hFile);
            return 0;
        }
        """

    static let event = """
        #include <windows.h>
        #include <stdio.h>
        #pragma sim file("data.bin", 262144)

        /* Every request in flight, each with its own event. */
        int main(void)
        {
            HANDLE hFile = CreateFile(TEXT("data.bin"), GENERIC_READ, 0, NULL,
                                      OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
            static BYTE buf[4][65536];
            OVERLAPPED o[4] = {0};
            HANDLE hEvent[4];
            for (int i = 0; i < 4; i++) {
                hEvent[i] = o[i].hEvent = CreateEvent(NULL, TRUE, FALSE, NULL);
                o[i].Offset = i * 65536; ReadFile(hFile, buf[i], 65536, NULL, &o[i]);
            }
            for (int left = 4; left > 0; left--) {
                DWORD w = WaitForMultipleObjects(4, hEvent, FALSE, INFINITE);
                int i = w - WAIT_OBJECT_0;
                ResetEvent(hEvent[i]);
                printf("request %d done\\n", i);
            }
            CloseHandle(hFile);
            return 0;
        }
        """

    static let alertable = """
        #include <windows.h>
        #include <stdio.h>
        #pragma sim file("data.bin", 262144)

        static int left = 4;
        VOID CALLBACK ReadDone(DWORD err, DWORD bytes, LPOVERLAPPED o);
        int main(void)
        {
            HANDLE hFile = CreateFile(TEXT("data.bin"), GENERIC_READ, 0, NULL,
                                      OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
            static BYTE buf[4][65536];
            static OVERLAPPED o[4];
            for (int i = 0; i < 4; i++) {
                o[i].Offset = i * 65536;
                ReadFileEx(hFile, buf[i], 65536, &o[i], ReadDone);
            }
            /* Completion routines run only while this thread waits alertably. */
            while (left > 0)
                SleepEx(INFINITE, TRUE);
            CloseHandle(hFile);
            return 0;
        }

        VOID CALLBACK ReadDone(DWORD err, DWORD bytes, LPOVERLAPPED o)
        {
            left--;   /* runs on the thread that issued the read */
        }

        DWORD WINAPI idle(LPVOID arg) { Sleep(INFINITE); return 0; }
        """

    static let port = """
        #include <windows.h>
        #include <stdio.h>
        #pragma sim file("data.bin", 262144)

        static HANDLE hPort, hDone;
        static LONG left = 4;
        DWORD WINAPI worker(LPVOID arg);
        int main(void)
        {
            HANDLE hFile = CreateFile(TEXT("data.bin"), GENERIC_READ, 0, NULL,
                                      OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
            hPort = CreateIoCompletionPort(hFile, NULL, 1, 2);
            hDone = CreateEvent(NULL, TRUE, FALSE, NULL);
            for (int i = 0; i < 2; i++) CreateThread(NULL, 0, worker, NULL, 0, NULL);
            static BYTE buf[4][65536];
            static OVERLAPPED o[4];
            for (int i = 0; i < 4; i++) {
                o[i].Offset = i * 65536; ReadFile(hFile, buf[i], 65536, NULL, &o[i]);
            }
            WaitForSingleObject(hDone, INFINITE);
            CloseHandle(hPort);
            return 0;
        }

        DWORD WINAPI worker(LPVOID arg)
        {
            DWORD bytes; ULONG_PTR key; LPOVERLAPPED o;
            while (GetQueuedCompletionStatus(hPort, &bytes, &key, &o, INFINITE)) {
                /* Handle the completed read, then ask for the next packet. */
                if (InterlockedDecrement(&left) == 0) SetEvent(hDone);
            }
            return 0;
        }
        """
}
