import Foundation
import Testing
import SimKernel
@testable import SimRuntime

/// The runtime's own behaviour: settings against pragmas, library mapping,
/// costs, stepping, reports.
@Suite struct ProgramRunTests {
    func run(_ source: String, settings: RunSettings = RunSettings()) throws -> FinishedRun {
        try runToEnd(source: Array(source.utf8), name: "t.c", settings: settings)
    }

    @Test func commandLineSettingsWinOverPragmas() throws {
        let source = """
            #include <windows.h>
            #include <stdio.h>
            #pragma sim cpus(4)
            #pragma sim param(ITEMS, 5)
            int main(void) {
                SYSTEM_INFO si;
                GetSystemInfo(&si);
                printf("%lu %lu %lu %d\\n", si.dwNumberOfProcessors, si.dwPageSize, si.dwAllocationGranularity, ITEMS);
                return 0;
            }
            """
        #expect(try run(source).output == "4 4096 65536 5\n")
        #expect(try run(source, settings: RunSettings(cpus: 3, parameters: ["ITEMS": 7])).output == "3 4096 65536 7\n")
    }

    @Test func pragmasSetUpTheMachine() throws {
        let made = try ProgramRun.make(source: """
            #pragma sim cpus(3)
            #pragma sim seed(42)
            #pragma sim file("a.bin", 1000)
            #pragma sim disk(latency_us=100, jitter_us=0, parallel=1, sector=4096, cache=off)
            int main(void) { return 0; }
            """, fileName: "p.c")
        let c = made.kernel.configuration
        #expect(c.cpus == 3 && c.seed == 42)
        #expect(c.initialFiles == [InitialFile(path: "a.bin", size: 1000)])
        #expect(c.disk.latencyUs == 100 && c.disk.jitterUs == 0 && c.disk.parallel == 1 && c.disk.sectorSize == 4096)
        #expect(c.disk.cacheBytes == 0)
        let overridden = try ProgramRun.make(source: "#pragma sim seed(42)\nint main(void) { return 0; }", fileName: "p.c",
                                             settings: RunSettings(seed: 7))
        #expect(overridden.kernel.configuration.seed == 7)
    }

    @Test func exitStatusIsMainsValueModulo256() throws {
        #expect(try run("int main(void) { return 300; }").exitCode == 44)
        #expect(try run("int main(void) { return -1; }").exitCode == 255)
        #expect(try run("#include <stdlib.h>\nint main(void) { exit(7); return 1; }").exitCode == 7)
    }

    @Test func returningFromMainEndsTheOtherThreads() throws {
        let finished = try run("""
            #include <windows.h>
            DWORD WINAPI Forever(LPVOID p) { for (;;) Sleep(10); return 0; }
            int main(void) { CreateThread(NULL, 0, Forever, NULL, 0, NULL); Sleep(25); return 3; }
            """)
        #expect(finished.exitCode == 3)
    }

    @Test func threadsAreNamedByStartRoutineAndDescription() throws {
        var made = try ProgramRun.make(source: """
            #include <windows.h>
            DWORD WINAPI Reader(LPVOID p) { Sleep(5); SetThreadDescription(GetCurrentThread(), L"renamed"); Sleep(5); return 0; }
            int main(void) {
                HANDLE t = CreateThread(NULL, 0, Reader, NULL, 0, NULL);
                WaitForSingleObject(t, INFINITE);
                return 0;
            }
            """, fileName: "n.c")
        var sawStartName = false
        while made.stepEvent() {
            if made.machine.thread(2)?.name == "Reader" { sawStartName = true }
        }
        #expect(sawStartName)
        #expect(made.machine.thread(2)?.name == "renamed")
        #expect(made.outcome == .exited(code: 0))
    }

    @Test func runtimeFaultNamesFileLineColumnAndThreads() throws {
        let finished = try run("""
            #include <windows.h>
            int main(void) {
                int *p = NULL;
                return *p;
            }
            """)
        let message = try #require(finished.failureMessage)
        #expect(message.hasPrefix("t.c:4:12: runtime error: NULL pointer"))
        #expect(message.contains("T1 \"main\": faulted at t.c:4:"))
    }

    @Test func unknownFunctionIsACompileErrorAtTheCall() throws {
        do {
            _ = try ProgramRun.make(source: "void Mystery(void);\nint main(void) {\n    Mystery();\n    return 0;\n}\n",
                                    fileName: "t.c", settings: RunSettings())
            Issue.record("a call to a function nothing implements compiled")
        } catch {
            #expect(error.rendered.hasPrefix("t.c:3:5: error: function 'Mystery' is declared but not defined"))
        }
    }

    @Test func statementBudgetStopsARunawayLoop() throws {
        let finished = try run("int main(void) { volatile int x = 0; for (;;) x++; return 0; }",
                               settings: RunSettings(maxStatements: 5_000))
        let message = try #require(finished.failureMessage)
        #expect(message.contains("statement budget exceeded (5000 statements)"))
        #expect(finished.run.statements == 5_001)
    }

    @Test func outputIsBounded() throws {
        let finished = try run("""
            #include <stdio.h>
            #include <string.h>
            char line[4097];
            int main(void) { memset(line, 'x', 4096); for (;;) printf("%s", line); return 0; }
            """, settings: RunSettings(maxOutputBytes: 100_000))
        #expect(finished.failureMessage?.contains("console output limit exceeded (100000 bytes)") == true)
        #expect(finished.output.utf8.count == 102_400)
        #expect(try run("int main(void) { return 5; }", settings: RunSettings(maxStatements: Int.max)).exitCode == 5)
    }

    @Test func deadlockExplainsEveryThread() throws {
        let finished = try run("""
            #include <windows.h>
            HANDLE a, b;
            DWORD WINAPI Other(LPVOID p) { WaitForSingleObject(b, INFINITE); return 0; }
            int main(void) {
                a = CreateEvent(NULL, TRUE, FALSE, NULL);
                b = CreateEvent(NULL, TRUE, FALSE, NULL);
                HANDLE t = CreateThread(NULL, 0, Other, NULL, 0, NULL);
                HANDLE both[2] = { a, t };
                WaitForMultipleObjects(2, both, TRUE, INFINITE);
                return 0;
            }
            """)
        guard case .deadlock(let message)? = finished.outcome else {
            Issue.record("expected a deadlock, got \(String(describing: finished.outcome))")
            return
        }
        #expect(message.hasPrefix("t.c:9:5: runtime error: deadlock"))
        #expect(message.contains("T1 \"main\": blocked in WaitForMultipleObjects on all of ["))
        #expect(message.contains("T2 \"Other\": blocked in WaitForSingleObject on b (INFINITE)"))
        #expect(message.contains("on all of [a, Other]"))
        #expect(message.contains("(INFINITE)"))
    }

    @Test func virtualTimeFollowsTheCostTable() throws {
        let finished = try run("""
            #include <windows.h>
            #include <stdio.h>
            int main(void) {
                LARGE_INTEGER f, a, b, c;
                QueryPerformanceFrequency(&f);
                QueryPerformanceCounter(&a);
                SimCompute(1000);
                QueryPerformanceCounter(&b);
                for (int i = 0; i < 100000; i++) { }
                QueryPerformanceCounter(&c);
                printf("%lld %lld %lld\\n", f.QuadPart, b.QuadPart - a.QuadPart, c.QuadPart - b.QuadPart);
                return 0;
            }
            """)
        let parts = finished.output.split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
        #expect(parts.count == 3)
        #expect(parts[0] == 1_000_000)
        // SimCompute(1000) plus the one-microsecond QueryPerformanceCounter call.
        #expect((1000...1002).contains(parts[1]))
        // About 100,000 loop iterations of ~2 statements at 10 ns each: 1-3 ms.
        #expect((1_000...3_000).contains(parts[2]), "loop took \(parts[2]) us")
    }

    @Test func fileSizeAndPointerWrappers() throws {
        let finished = try run("""
            #include <windows.h>
            #include <stdio.h>
            #pragma sim file("f.bin", 70000)
            int main(void) {
                HANDLE h = CreateFile(TEXT("f.bin"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
                DWORD high = 9;
                DWORD low = GetFileSize(h, &high);
                DWORD pos = SetFilePointer(h, 1234, NULL, FILE_BEGIN);
                BYTE b[10];
                DWORD got = 0;
                ReadFile(h, b, 10, &got, NULL);
                DWORD after = SetFilePointer(h, 0, NULL, FILE_CURRENT);
                printf("%lu %lu %lu %lu %lu\\n", low, high, pos, got, after);
                printf("%lu\\n", GetFileSize(INVALID_HANDLE_VALUE, NULL) == INVALID_FILE_SIZE ? GetLastError() : 0);
                return 0;
            }
            """)
        #expect(finished.output == "70000 0 1234 10 1244\n6\n")
    }

    @Test func apcRoutineRunsAsANestedFrameOverTheWait() throws {
        var made = try ProgramRun.make(source: """
            #include <windows.h>
            #include <stdio.h>
            VOID CALLBACK Hello(ULONG_PTR data) {
                SimCompute(50);
                printf("apc %d\\n", (int)data);
            }
            int main(void) {
                QueueUserAPC(Hello, GetCurrentThread(), 5);
                DWORD r = SleepEx(INFINITE, TRUE);
                printf("%lu\\n", r);
                return 0;
            }
            """, fileName: "apc.c")
        var nested: [CodeLocation] = []
        while made.stepEvent() {
            if let t = made.machine.thread(1), t.inAPC { nested = t.stack }
        }
        #expect(made.output == "apc 5\n192\n")
        #expect(nested.map(\.function) == ["Hello", "main"])
        #expect(nested.first?.line == 4)
        #expect(nested.last?.line == 9)
    }

    @Test func queuedRoutinesAreNamedInTheView() throws {
        let name = "alertable-busy-issuer.c"
        let source = try [UInt8](Data(contentsOf: Paths.programs.appendingPathComponent(name)))
        var made = try ProgramRun.make(source: source, fileName: name)
        var names = Set<String>()
        var mostQueued = 0
        while made.stepEvent() {
            for t in made.machine.threads {
                mostQueued = max(mostQueued, t.apcQueue.count)
                for a in t.apcQueue { names.insert(a.routineName) }
            }
        }
        #expect(mostQueued > 1, "completions pile up in the issuer's APC queue")
        #expect(names.count == 1 && !(names.first ?? "").isEmpty, "routine names: \(names)")
        #expect(made.log.count == made.kernel.trace.count)
        #expect(made.logCount == made.log.count)
        #expect(made.recentLog(3) == Array(made.log.suffix(3)))
        #expect(made.now == made.machine.now)
    }

    @Test func stepStatementAdvancesOneThread() throws {
        var made = try ProgramRun.make(source: """
            #include <stdio.h>
            int main(void) {
                int a = 1;
                a = a + 1;
                a = a * 3;
                printf("%d\\n", a);
                return 0;
            }
            """, fileName: "s.c")
        var lines: [Int] = []
        while made.stepStatement(thread: 1) {
            if let line = made.machine.thread(1)?.location?.line { lines.append(line) }
        }
        #expect(made.output == "6\n")
        #expect(made.outcome == .exited(code: 0))
        // One statement per step: the thread is seen on each line in turn,
        // starting before its first statement runs.
        #expect(lines.starts(with: [3, 4, 5, 6, 7]), "lines seen: \(lines)")
        let moreEvents = made.stepEvent()
        let moreStatements = made.stepStatement(thread: 1)
        #expect(!moreEvents)
        #expect(!moreStatements)
    }

    @Test func logHasStableActionWords() throws {
        let finished = try run("""
            #include <windows.h>
            #pragma sim file("d.bin", 4096)
            int main(void) {
                SimNote("hello");
                HANDLE h = CreateFile(TEXT("d.bin"), GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
                BYTE buf[512];
                OVERLAPPED o = {0};
                ReadFile(h, buf, 512, NULL, &o);
                WaitForSingleObject(h, INFINITE);
                return 0;
            }
            """)
        let log = finished.run.log
        #expect(log.contains { $0.action == "note" && $0.text.contains("hello") })
        #expect(log.contains { $0.action == "ReadFile" && $0.result == "pending" && $0.thread == 1 })
        #expect(log.contains { $0.action == "complete" })
        #expect(log.contains { $0.action == "WaitForSingleObject" && $0.result == "blocks" })
        #expect(log.map(\.time) == log.map(\.time).sorted())
        // The typed entries say the same without reading any text back.
        let note = try #require(log.first { $0.text.contains("hello") })
        #expect(note.isProgramNote && !note.isCallResult)
        let blocked = try #require(log.first { $0.kind == .block })
        #expect(blocked.name == "WaitForSingleObject" && !blocked.isCallResult)
        let woke = try #require(log.first { $0.kind == .wake })
        #expect(woke.name == "WaitForSingleObject" && woke.isCallResult && woke.returnValue == 0)
        #expect(log.filter(\.isCallResult).map(\.name).contains("ReadFile"))
        #expect(log.filter(\.isWarning).isEmpty)
    }

    @Test func statsAreOneJSONObject() throws {
        let finished = try run("#include <stdio.h>\nint main(void) { printf(\"x\\n\"); return 0; }")
        let json = finished.run.statsJSON
        #expect(!json.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in ["virtual_time_us", "statements", "kernel_events", "context_switches", "ios_completed", "threads"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let threads = try #require(object["threads"] as? [[String: Any]])
        #expect(threads.first?["name"] as? String == "main")
        #expect(threads.first?["cpu_time_us"] != nil)
    }

    @Test func badInputGivesAFailureNotACrash() throws {
        #expect(throws: CompileFailure.self) { try ProgramRun.make(source: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1], fileName: "a.out") }
        do {
            _ = try ProgramRun.make(sourcePath: "/nonexistent/dir/x.c")
            Issue.record("expected a failure")
        } catch {
            #expect(error.isInputError)
            #expect(error.rendered.hasPrefix("/nonexistent/dir/x.c: error: cannot read the file"))
        }
        do {
            _ = try ProgramRun.make(source: "int main(void) { return x; }\nint f(void) { return y; }\n", fileName: "e.c")
            Issue.record("expected compile errors")
        } catch {
            #expect(!error.isInputError)
            #expect(error.rendered.contains("e.c:1:"))
            #expect(error.rendered.contains("e.c:2:"))
            #expect(error.rendered.contains("^"))
        }
    }

    @Test func objectsAreLabelledAfterTheirVariables() throws {
        var made = try ProgramRun.make(source: """
            #include <windows.h>
            typedef struct { HANDLE sem; } CTX;
            HANDLE g_port;
            int main(void) {
                HANDLE hDone = CreateEvent(NULL, TRUE, FALSE, NULL);
                HANDLE hEv[3];
                for (int i = 0; i < 3; i++) hEv[i] = CreateEvent(NULL, FALSE, FALSE, NULL);
                CTX ctx, *p = &ctx;
                p->sem = CreateSemaphore(NULL, 0, 4, NULL);
                g_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 2);
                HANDLE m = (HANDLE)CreateMutex(NULL, FALSE, NULL);
                if (CreateEvent(NULL, TRUE, TRUE, NULL) == NULL) return 1;
                Sleep(1);
                return 0;
            }
            """, fileName: "l.c")
        var events: [String] = [], others: [String] = []
        while made.stepEvent() {
            let v = made.machine
            if v.events.count == 5 {
                events = v.events.map(\.object.label)
                others = v.semaphores.map(\.object.label) + v.ports.map(\.object.label) + v.mutexes.map(\.object.label)
            }
        }
        #expect(events.prefix(4) == ["hDone", "hEv[0]", "hEv[1]", "hEv[2]"])
        #expect(events.last?.hasPrefix("Event#") == true)
        #expect(others == ["p->sem", "g_port", "m"])
    }

    @Test func assignedNamesFromSourceLines() {
        #expect(HandleLabels.assignedName(line: "    h = CreateEvent(NULL, 0, 0, NULL);", function: "CreateEvent") == "h")
        #expect(HandleLabels.assignedName(line: "x == CreateEvent(", function: "CreateEvent") == nil)
        #expect(HandleLabels.assignedName(line: "return CreateEvent(", function: "CreateEvent") == nil)
        #expect(HandleLabels.assignedName(line: "a.b[k + 1] = (HANDLE) CreateMutexA(", function: "CreateMutex") == "a.b[k + 1]")
        #expect(HandleLabels.label("a.b[k + 1]", sequence: 2) == "a.b[k + 1] (3)")
        #expect(HandleLabels.label("h[i]", sequence: 2) == "h[2]")
        #expect(HandleLabels.assignedName(line: "é = CreateEvent(", function: "CreateEvent") == nil)
    }

    @Test func createThreadWithABadStartAddressFaults() throws {
        let finished = try run("""
            #include <windows.h>
            int main(void) {
                HANDLE t = CreateThread(NULL, 0, (LPTHREAD_START_ROUTINE)(ULONG_PTR)0x1234, NULL, 0, NULL);
                return 0;
            }
            """)
        #expect(finished.failureMessage?.contains("is not a function of the program") == true)
    }
}

@Suite struct StatementSteppingTests {
    /// A line that follows a kernel call must not be passed over unseen: the
    /// call returns into the middle of its statement, and a step from there
    /// only finishes that statement.
    @Test func theLineAfterAKernelCallIsSeenBeforeItRuns() throws {
        var made = try ProgramRun.make(source: """
            #include <windows.h>
            int main(void) {
                HANDLE e = CreateEvent(NULL, TRUE, FALSE, NULL);
                SetEvent(e);
                int x = 1;
                x = x + 1;
                return x;
            }
            """, fileName: "calls.c")
        var lines: [Int] = []
        while made.stepStatement(thread: 1) {
            if let line = made.machine.thread(1)?.location?.line, lines.last != line { lines.append(line) }
        }
        #expect(lines.starts(with: [3, 4, 5, 6, 7]), "lines seen: \(lines)")
        #expect(made.outcome == .exited(code: 2))
    }
}
