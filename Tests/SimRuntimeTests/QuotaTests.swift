import Foundation
import Testing
import SimKernel
@testable import SimRuntime

/// The machine's quotas: a program that reaches one gets the error Windows
/// gives, and can go on.
@Suite struct QuotaTests {
    func output(_ body: String, _ adjust: (inout RunSettings) -> Void) throws -> String {
        var settings = RunSettings()
        adjust(&settings)
        let finished = try runToEnd(source: Array("""
            #include <windows.h>
            #include <stdio.h>
            VOID CALLBACK nothing(ULONG_PTR p) { }
            int main(void) {
            \(body)
                return 0;
            }
            """.utf8), name: "q.c", settings: settings)
        #expect(finished.exitCode == 0, "\(finished.failureMessage ?? "")")
        return finished.output
    }

    @Test func handleLimitFailsCreatingCallsWithNoSystemResources() throws {
        let text = try output("""
                int n = 0;
                while (CreateEvent(NULL, FALSE, FALSE, NULL)) n++;
                printf("%d %lu\\n", n, GetLastError());
                HANDLE f = CreateFileA("x", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
                printf("%d %lu\\n", f == INVALID_HANDLE_VALUE, GetLastError());
            """) { $0.limits.handlesPerProcess = 100 }
        // The main thread's own handle is not in the table: all 100 go to events.
        #expect(text == "100 1450\n1 1450\n")
    }

    @Test func closedHandlesMakeRoomAgain() throws {
        let text = try output("""
                int i;
                for (i = 0; i < 1000; i++) { HANDLE e = CreateEvent(NULL, FALSE, FALSE, NULL); if (!e) break; CloseHandle(e); }
                printf("%d\\n", i);
            """) { $0.limits.handlesPerProcess = 10 }
        #expect(text == "1000\n")
    }

    @Test func queuedUserAPCLimitFailsWithNotEnoughMemory() throws {
        let text = try output("""
                int n = 0;
                while (QueueUserAPC(nothing, GetCurrentThread(), 0)) n++;
                printf("%d %lu\\n", n, GetLastError());
                SleepEx(0, TRUE);
                printf("%d\\n", QueueUserAPC(nothing, GetCurrentThread(), 0));
            """) { $0.limits.queuedUserAPCs = 50 }
        #expect(text == "50 8\n1\n")
    }

    @Test func postedPacketLimitFailsWithNoSystemResources() throws {
        let text = try output("""
                HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
                int n = 0;
                while (PostQueuedCompletionStatus(port, 0, 0, NULL)) n++;
                printf("%d %lu\\n", n, GetLastError());
                DWORD bytes; ULONG_PTR key; LPOVERLAPPED ov;
                GetQueuedCompletionStatus(port, &bytes, &key, &ov, 0);
                printf("%d\\n", PostQueuedCompletionStatus(port, 0, 0, NULL));
            """) { $0.limits.queuedPostedPackets = 40 }
        #expect(text == "40 1450\n1\n")
    }

    @Test func volumeFullFailsWritesWithDiskFull() throws {
        let text = try output("""
                static char buffer[65536];
                DWORD n = 0, total = 0;
                HANDLE h = CreateFileA("big.bin", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
                while (WriteFile(h, buffer, sizeof buffer, &n, NULL)) total += n;
                printf("%lu %lu\\n", total, GetLastError());
                LARGE_INTEGER far; far.QuadPart = 1 << 30;
                SetFilePointerEx(h, far, NULL, FILE_BEGIN);
                printf("%d %lu\\n", SetEndOfFile(h), GetLastError());
            """) { $0.limits.volumeFreeBytes = 1 << 20 }
        #expect(text == "1048576 112\n0 112\n")
    }

    @Test func commitLimitMakesVirtualAllocReturnNull() throws {
        let text = try output("""
                int n = 0;
                LPVOID p, first = NULL;
                while ((p = VirtualAlloc(NULL, 1 << 20, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE)) != NULL) { if (!first) first = p; n++; }
                printf("%d %lu\\n", n, GetLastError());
                VirtualFree(first, 0, MEM_RELEASE);
                printf("%d\\n", VirtualAlloc(NULL, 1 << 20, MEM_COMMIT, PAGE_READWRITE) != NULL);
            """) { $0.commitLimit = 8 << 20 }
        // The main thread's 1 MiB stack counts against the same 8 MiB.
        #expect(text == "7 1455\n1\n")
    }

    @Test func onlyLiveThreadsCountAgainstTheThreadLimit() throws {
        let finished = try runToEnd(source: Array("""
            #include <windows.h>
            #include <stdio.h>
            DWORD WINAPI quick(LPVOID p) { int local = (int)(ULONG_PTR)p; return local % 7; }
            DWORD WINAPI leave(LPVOID p) { ExitThread(3); return 0; }
            int main(void) {
                for (int i = 0; i < 2500; i++) {
                    HANDLE h = CreateThread(NULL, 0, i % 2 ? quick : leave, (LPVOID)(ULONG_PTR)i, 0, NULL);
                    if (!h) { printf("failed at %d: %lu\\n", i, GetLastError()); return 1; }
                    WaitForSingleObject(h, INFINITE);
                    CloseHandle(h);
                }
                printf("ok\\n");
                return 0;
            }
            """.utf8), name: "t.c")
        #expect(finished.output == "ok\n", "\(finished.failureMessage ?? "")")
    }

    @Test func liveThreadStacksCountAgainstTheCommitLimit() throws {
        var settings = RunSettings()
        settings.commitLimit = 16 << 20
        let finished = try runToEnd(source: Array("""
            #include <windows.h>
            #include <stdio.h>
            DWORD WINAPI sleeper(LPVOID p) { Sleep(INFINITE); return 0; }
            int main(void) {
                int n = 0;
                while (CreateThread(NULL, 0, sleeper, NULL, 0, NULL)) n++;
                printf("%d %lu\\n", n, GetLastError());
                printf("%d\\n", VirtualAlloc(NULL, 4096, MEM_COMMIT, PAGE_READWRITE) == NULL);
                ExitProcess(0);
                return 0;
            }
            """.utf8), name: "s.c", settings: settings)
        // 16 MiB: the main thread's stack and 15 more.
        #expect(finished.output == "15 8\n1\n", "\(finished.failureMessage ?? "")")
    }

    @Test func writeFileWithNullBufferFailsWithInvalidUserBuffer() throws {
        let text = try output("""
                DWORD n = 5;
                HANDLE h = CreateFileA("w.bin", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
                printf("%d %lu %lu\\n", WriteFile(h, NULL, 10, &n, NULL), GetLastError(), n);
                printf("%d\\n", WriteFile(h, NULL, 0, &n, NULL));
            """) { _ in }
        #expect(text == "0 1784 0\n1\n")
    }
}
