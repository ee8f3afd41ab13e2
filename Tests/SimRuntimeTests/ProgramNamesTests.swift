import SimKernel
import Testing
@testable import SimRuntime

/// The screen names what the program names: requests and packets by their
/// `OVERLAPPED`, completion routines by routine and request, threads apart.
@Suite struct ProgramNamesTests {
    /// Steps `run` until `done` holds of its picture (or it ends).
    func step(_ run: inout ProgramRun, until done: (MachineView) -> Bool) -> MachineView {
        for _ in 0..<100_000 {
            let view = run.machine
            if done(view) || run.outcome != nil { return view }
            run.stepEvent()
        }
        return run.machine
    }

    @Test func argumentTextIsTheExpressionPassed() {
        let lines = ["    if (!ReadFile(file, g_requests[i].data, BLOCK, NULL, &g_requests[i].ov) &&",
                     "    ReadFileEx(h, buf, 512,", "               (LPOVERLAPPED)&(o), Done);"]
        #expect(OverlappedLabels.argumentText(lines: lines, line: 1, column: 10, function: "ReadFile", index: 4) == "g_requests[i].ov")
        #expect(OverlappedLabels.argumentText(lines: lines, line: 2, column: 5, function: "ReadFileEx", index: 3) == "o")
        #expect(OverlappedLabels.argumentText(lines: lines, line: 1, column: 10, function: "ReadFile", index: 3) == nil, "NULL names nothing")
        #expect(OverlappedLabels.argumentText(lines: lines, line: 1, column: 10, function: "WriteFile", index: 4) == nil)
    }

    @Test func requestsPacketsAndOverlappedsCarryTheProgramsNames() throws {
        var run = try ProgramRun.make(source: """
            #include <windows.h>
            #pragma sim file("data.bin", 65536)
            #pragma sim disk(latency_us=1000, jitter_us=0, parallel=4, sector=512, cache=off)
            static OVERLAPPED ior[3];
            static BYTE buffers[3][512];
            int main(void) {
                HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
                HANDLE port = CreateIoCompletionPort(file, NULL, 7, 1);
                OVERLAPPED oRead = {0};
                oRead.Offset = 4096;
                for (int i = 0; i < 3; i++) {
                    ior[i].Offset = i * 8192;
                    ReadFile(file, buffers[i], 512, NULL, &ior[i]);
                }
                ReadFile(file, buffers[0], 512, NULL, &oRead);
                Sleep(5);
                DWORD bytes; ULONG_PTR key; LPOVERLAPPED ov;
                for (int i = 0; i < 4; i++) GetQueuedCompletionStatus(port, &bytes, &key, &ov, INFINITE);
                return 0;
            }
            """, fileName: "names.c")
        let inFlight = step(&run) { $0.requests.count == 4 }
        #expect(inFlight.requests.map(\.overlappedLabel) == ["ior[0]", "ior[1]", "ior[2]", "oRead"])
        #expect(inFlight.overlappeds.map(\.label) == ["ior[0]", "ior[1]", "ior[2]", "oRead"])
        #expect(inFlight.overlappeds.allSatisfy { $0.status == Win32.STATUS_PENDING })
        #expect(inFlight.overlappeds.map(\.offset) == [0, 8192, 16384, 4096])
        let queued = step(&run) { ($0.ports.first?.queue.count ?? 0) == 4 }
        let packets = try #require(queued.ports.first?.queue)
        #expect(Set(packets.compactMap(\.overlappedLabel)) == ["ior[0]", "ior[1]", "ior[2]", "oRead"])
        #expect(packets.allSatisfy { $0.key == 7 && $0.bytes == 512 })
        #expect(queued.overlappeds.allSatisfy { $0.status == Win32.STATUS_SUCCESS && $0.bytes == 512 })
        #expect(queued.ports.first?.devices.map(\.key) == [7])
    }

    @Test func completionRoutinesNameTheirRequestAndThreadsAreToldApart() throws {
        var run = try ProgramRun.make(source: """
            #include <windows.h>
            #pragma sim file("data.bin", 4096)
            static OVERLAPPED o;
            static VOID CALLBACK Done(DWORD error, DWORD bytes, LPOVERLAPPED ov) {}
            static DWORD WINAPI Worker(LPVOID p) { Sleep(50); return 0; }
            int main(void) {
                HANDLE a = CreateThread(NULL, 0, Worker, NULL, 0, NULL);
                HANDLE b = CreateThread(NULL, 0, Worker, NULL, 0, NULL);
                HANDLE file = CreateFile(TEXT("data.bin"), GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
                ReadFileEx(file, (LPVOID)0, 0, &o, Done);
                Sleep(10);
                SleepEx(INFINITE, TRUE);
                WaitForSingleObject(a, INFINITE);
                WaitForSingleObject(b, INFINITE);
                return 0;
            }
            """, fileName: "apc.c")
        let queued = step(&run) { view in view.threads.contains { !$0.apcQueue.isEmpty } }
        let apc = try #require(queued.threads.first { !$0.apcQueue.isEmpty }?.apcQueue.first)
        #expect(apc.routineName == "Done" && apc.overlappedLabel == "o")
        let names = queued.threads.map(\.name)
        #expect(Set(names).count == names.count, "every thread has its own name: \(names)")
        #expect(names == ["main", "Worker 1", "Worker 2"], "numbered in the order they were created")
    }

    /// One name per thread everywhere: the thread list, the event log, the
    /// causes of a wake; a worker that names itself keeps its number.
    @Test func aThreadHasOneNameInEveryPlaceItIsNamed() throws {
        var run = try ProgramRun.make(source: """
            #include <windows.h>
            static HANDLE g_go;
            static DWORD WINAPI Worker(LPVOID p) {
                WaitForSingleObject(g_go, INFINITE);
                if ((ULONG_PTR)p == 2) SetThreadDescription(GetCurrentThread(), L"worker 2");
                Sleep(5);
                return 0;
            }
            int main(void) {
                g_go = CreateEvent(NULL, TRUE, FALSE, NULL);
                HANDLE t[3];
                for (ULONG_PTR i = 0; i < 3; i++) t[i] = CreateThread(NULL, 0, Worker, (LPVOID)(i + 1), 0, NULL);
                Sleep(1);
                SetEvent(g_go);
                WaitForMultipleObjects(3, t, TRUE, INFINITE);
                return 0;
            }
            """, fileName: "names.c")
        let waiting = step(&run) { view in view.threads.count == 4 && view.threads.dropFirst().allSatisfy {
            if case .waiting = $0.state { return true } else { return false }
        } }
        #expect(waiting.threads.map(\.name) == ["main", "Worker 1", "Worker 2", "Worker 3"])
        let described = step(&run) { $0.threads.contains { $0.name == "worker 2" } }
        #expect(described.threads.map(\.name) == ["main", "Worker 1", "worker 2", "Worker 3"], "the others keep their numbers")
        // The log names the acting thread as the list does.
        let log = run.recentLog(run.logCount)
        #expect(log.contains { $0.text.contains(" worker 2 SetThreadDescription") })
        #expect(log.contains { $0.text.contains(" Worker 3 WaitForSingleObject") })
        #expect(!log.contains { $0.thread != nil && $0.text.hasPrefix("t=\($0.time)us T") }, "no line calls its thread by id")
        // So do the causes of a wake.
        let worker3 = try #require(described.threads.first { $0.name == "Worker 3" })
        let why = run.kernel.why(thread: worker3.id).map(\.text).joined(separator: " / ")
        #expect(why.hasPrefix("Worker 3 woke from WaitForSingleObject"), "\(why)")
        #expect(why.contains("main signaled"), "\(why)")
    }
}

/// A run watched on screen keeps a bounded trace.
@Suite struct ScreenTraceLimitTests {
    @Test func aTraceLimitKeepsOnlyTheNewestEvents() throws {
        var settings = RunSettings()
        settings.traceLimit = 2_000
        let source = """
            #include <windows.h>
            int main(void) {
                HANDLE e = CreateEvent(NULL, TRUE, FALSE, NULL);
                for (int i = 0; i < 30000; i++) SetEvent(e);
                return 0;
            }
            """
        var run = try ProgramRun.make(source: source, fileName: "loop.c", settings: settings)
        var seen = 0
        while run.stepEvent() { seen += 1 }
        seen = run.kernel.trace.dropped + run.logCount
        #expect(run.outcome == .exited(code: 0))
        // Whole chunks of 4,096 are dropped from the front: at least 2,000 stay, and fewer than 2,000 + 4,096.
        #expect(seen > 20_000)
        #expect(run.logCount >= 2_000 && run.logCount < 2_000 + 4_096, "kept \(run.logCount) of the trace")
    }
}

/// The C library's string limit is a documented fault, not a silent cut.
@Suite struct StringLimitTests {
    @Test func aStringLongerThanTheLibraryLimitFaultsAndSaysSo() throws {
        let source = """
            #include <windows.h>
            #include <string.h>
            #include <stdio.h>
            int main(void) {
                SIZE_T size = (17 << 20);
                char *big = (char *)VirtualAlloc(NULL, size, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
                memset(big, 'a', size);
                printf("%zu\\n", strlen(big));
                return 0;
            }
            """
        var run = try ProgramRun.make(source: source, fileName: "long.c")
        run.runToEnd()
        guard case .fault(let message)? = run.outcome else {
            Issue.record("expected a fault, got \\(String(describing: run.outcome)) with output \\(run.output)")
            return
        }
        #expect(message.contains("no terminating NUL within"))
    }
}
