import SimMemory
import Testing
@testable import Win32C

/// The VM contract the runtime builds on: stopping at library calls,
/// snapshots, resuming, new threads, nested calls, budgets, call stacks.
@Suite struct VMTests {
    func compile(_ source: String) throws -> Program {
        let result = CCompiler.compile(source: source)
        return try #require(result.program, "\(result.diagnostics)")
    }

    /// Runs until a stop that is not a pure-library call.
    func runToKernelCall(_ thread: inout VMThread, _ program: Program, _ memory: inout Memory, _ process: inout CProcess) -> VMStop {
        while true {
            let stop = VM.run(&thread, program: program, memory: &memory, budget: 1_000_000)
            guard case .external(let call) = stop,
                  case .value(let v, _)? = CLibrary.call(call.name(in: program), thread.arguments(of: call).array, memory: &memory, process: &process)
            else { return stop }
            thread.resume(returning: v)
        }
    }

    static let waiting = """
    #include <windows.h>
    #include <stdio.h>
    int main(void) {
        HANDLE handles[2] = { (HANDLE)0x40, (HANDLE)0x44 };
        DWORD dw = WaitForMultipleObjects(2, handles, FALSE, INFINITE);
        printf("woke with %lu\\n", dw);
        return (int)dw;
    }
    """

    @Test func stopsAtAKernelCallAndResumesFromASnapshot() throws {
        let program = try compile(Self.waiting)
        var memory = Memory()
        var process = CProcess()
        var thread = try VMThread.main(program: program, memory: &memory)
        let stop = runToKernelCall(&thread, program, &memory, &process)
        guard case .external(let call) = stop else { Issue.record("expected an external call, got \(stop)"); return }
        let arguments = thread.arguments(of: call).array
        #expect(call.name(in: program) == "WaitForMultipleObjects")
        #expect(call.argumentCount == 4 && arguments.count == 4)
        #expect(arguments[0] == 2 && arguments[2] == 0 && arguments[3] == 0xFFFF_FFFF)
        #expect(try memory.load(arguments[1], size: 8) == 0x40)
        #expect(call.location(in: program) == SourceLocation(line: 5, column: 16))
        #expect(thread.state == .awaitingExternal)

        // A snapshot is a copy; both copies continue independently.
        var (snapshotThread, snapshotMemory, snapshotProcess) = (thread, memory, process)
        thread.resume(returning: 1)
        #expect(runToKernelCall(&thread, program, &memory, &process) == .returned(1))
        #expect(String(decoding: process.output, as: UTF8.self) == "woke with 1\n")
        snapshotThread.resume(returning: 0x102)
        #expect(runToKernelCall(&snapshotThread, program, &snapshotMemory, &snapshotProcess) == .returned(0x102))
        #expect(String(decoding: snapshotProcess.output, as: UTF8.self) == "woke with 258\n")
    }

    @Test func startsAThreadAtAFunctionAddress() throws {
        let program = try compile("""
        #include <windows.h>
        DWORD WINAPI Worker(LPVOID parameter) {
            DWORD *p = (DWORD *)parameter;
            *p = *p * 2;
            return *p + 1;
        }
        int main(void) {
            static DWORD value = 21;
            HANDLE h = CreateThread(NULL, 0, Worker, &value, 0, NULL);
            return 0;
        }
        """)
        var memory = Memory()
        var process = CProcess()
        var main = try VMThread.main(program: program, memory: &memory)
        guard case .external(let call) = runToKernelCall(&main, program, &memory, &process) else { Issue.record("no call"); return }
        #expect(call.name(in: program) == "CreateThread")
        let arguments = main.arguments(of: call)
        var worker = try #require(try VMThread.start(program: program, functionAddress: arguments[2],
                                                     argument: arguments[3], threadNumber: 1, memory: &memory))
        #expect(worker.stackLow == VMThread.stackBase(threadNumber: 1))
        #expect(memory.isMapped(worker.stackLow, length: Int(VMThread.stackSize)))
        #expect(runToKernelCall(&worker, program, &memory, &process) == .returned(43))
        #expect(try memory.load(arguments[3], size: 4) == 42)
        #expect(try VMThread.start(program: program, functionAddress: 0x1234, argument: 0, threadNumber: 2, memory: &memory) == nil)
    }

    @Test func nestedCallDuringAnAlertableWait() throws {
        let program = try compile("""
        #include <windows.h>
        #include <stdio.h>
        static int delivered;
        VOID CALLBACK OnApc(ULONG_PTR data) {
            delivered += (int)data;
            printf("apc %d\\n", (int)data);
        }
        int main(void) {
            QueueUserAPC(OnApc, GetCurrentThread(), 7);
            DWORD r = SleepEx(INFINITE, TRUE);
            printf("SleepEx returned %lu, delivered %d\\n", r, delivered);
            return 0;
        }
        """)
        var memory = Memory()
        var process = CProcess()
        var thread = try VMThread.main(program: program, memory: &memory)
        guard case .external(let queue) = runToKernelCall(&thread, program, &memory, &process) else { Issue.record("no call"); return }
        #expect(queue.name(in: program) == "GetCurrentThread")
        thread.resume(returning: 0xFFFF_FFFF_FFFF_FFFE)
        guard case .external(let apc) = runToKernelCall(&thread, program, &memory, &process) else { Issue.record("no call"); return }
        #expect(apc.name(in: program) == "QueueUserAPC")
        let apcArguments = thread.arguments(of: apc)
        thread.resume(returning: 1)
        guard case .external(let sleep) = runToKernelCall(&thread, program, &memory, &process) else { Issue.record("no call"); return }
        #expect(sleep.name(in: program) == "SleepEx")
        // Deliver the APC twice, as a kernel would for two queued entries.
        for _ in 0..<2 {
            #expect(thread.pushNestedCall(program: program, functionAddress: apcArguments[0], arguments: [apcArguments[2]], memory: &memory) == nil)
            let names = thread.callStack(program: program).map(\.function)
            #expect(names == ["OnApc", "main", "<start>"])
            #expect(runToKernelCall(&thread, program, &memory, &process) == .nestedCallReturned)
            #expect(thread.state == .awaitingExternal)
        }
        thread.resume(returning: 0xC0)
        #expect(runToKernelCall(&thread, program, &memory, &process) == .returned(0))
        #expect(String(decoding: process.output, as: UTF8.self) == "apc 7\napc 7\nSleepEx returned 192, delivered 14\n")
    }

    @Test func callStackAndLocations() throws {
        let program = try compile("""
        #include <windows.h>
        void Inner(void) {
            Sleep(5);
        }
        void Outer(void) {
            Inner();
        }
        int main(void) {
            Outer();
            return 0;
        }
        """)
        var memory = Memory()
        var process = CProcess()
        var thread = try VMThread.main(program: program, memory: &memory)
        _ = runToKernelCall(&thread, program, &memory, &process)
        let stack = thread.callStack(program: program)
        #expect(stack.map(\.function) == ["Inner", "Outer", "main", "<start>"])
        #expect(stack.prefix(3).map(\.location.line) == [3, 6, 9])
        #expect(thread.currentLocation(program: program) == SourceLocation(line: 3, column: 5))
    }

    @Test func budgetStopsAtStatementBoundaries() throws {
        let program = try compile("int main(void) { unsigned x = 0; for (;;) x++; return 0; }")
        var memory = Memory()
        var thread = try VMThread.main(program: program, memory: &memory)
        #expect(VM.run(&thread, program: program, memory: &memory, budget: 1000) == .budgetExhausted(statements: 1000))
        #expect(VM.run(&thread, program: program, memory: &memory, budget: 500) == .budgetExhausted(statements: 500))
        #expect(thread.statementsExecuted == 1500)
        #expect(thread.state == .ready)
    }

    @Test func faultsCarryLocations() throws {
        let cases: [(String, RuntimeFault.Kind, Int, Int)] = [
            ("int main(void) { int *p = NULL; return *p; }", .nullPointer, 1, 40),
            ("int main(void) { int z = 0; return 10 / z; }", .divisionByZero, 1, 39),
            ("int f(int n) { return f(n + 1) + 1; }\nint main(void) { return f(0); }", .stackOverflow, 1, 23),
            ("int main(void) { int *p = (int *)0x7000000; return *p; }", .wildPointer, 1, 52),
            ("int main(void) { void (*fp)(void) = (void (*)(void))0x1234560; fp(); return 0; }", .badFunctionPointer, 1, 64),
        ]
        for (source, kind, line, column) in cases {
            let run = StandaloneRun.run(try compile(source))
            let fault = try #require(run.fault, "\(source)")
            #expect(fault.kind == kind, "\(source): \(fault)")
            #expect(fault.location == SourceLocation(line: line, column: column), "\(source): \(fault)")
        }
        // A library function the standalone driver cannot answer (it has no kernel).
        let unknown = StandaloneRun.run(try compile("int main(void) { return (int)GetTickCount(); }"))
        #expect(unknown.fault?.kind == .unknownFunction)
        #expect(unknown.fault?.message.contains("unknown function 'GetTickCount'") == true)
        // A name nothing declares is a compile error, not a fault.
        let undeclared = CCompiler.compile(source: "int main(void) { return NoSuchFunction(1); }")
        #expect(undeclared.program == nil)
        #expect(undeclared.diagnostics.map(\.message) == ["call to undeclared function 'NoSuchFunction' (not in the simulated library)"])
    }

    @Test func fusedLoadsFaultAtTheLoadsLocation() throws {
        let cases: [(String, RuntimeFault.Kind, Int, Int, String)] = [
            ("struct S { int a; int b; };\nint main(void) { struct S *p = NULL; return p->b; }", .nullPointer, 2, 48,
             "offsetLoad i32 [+4]"),
            ("int main(void) { return *(int *)0; }", .nullPointer, 1, 25, "constLoad i32 [0x0]"),
            ("int main(void) { char *p = (char *)0x7000000; return p[3]; }", .wildPointer, 1, 55, "offsetLoad i8 [+3]"),
        ]
        for (source, kind, line, column, instruction) in cases {
            let program = try compile(source)
            #expect(Disassembler.text(program).contains(instruction), "\(source)")
            let fault = try #require(StandaloneRun.run(program).fault, "\(source)")
            #expect(fault.kind == kind, "\(source): \(fault)")
            #expect(fault.location == SourceLocation(line: line, column: column), "\(source): \(fault)")
        }
    }

    @Test func fusedLoadsReadFramesGlobalsAndFields() throws {
        let source = """
        struct S { int a; long long b; signed char c; };
        struct S g = { 0, 0, 0 };
        int h = 4;
        int main(void) { struct S s; s.a = 5; s.b = 7; s.c = -3; g.b = 11; struct S *p = &s;
            return s.a + (int)s.b + s.c + (int)g.b + p->c + h; }
        """
        let program = try compile(source)
        let text = Disassembler.text(program)
        #expect(text.contains("frameLoad"))
        #expect(text.contains("constLoad"))
        #expect(StandaloneRun.run(program).exitCode == 5 + 7 - 3 + 11 - 3 + 4)
    }

    @Test func disassemblyNamesCallsAndLocations() throws {
        let program = try compile("int square(int x) { return x * x; }\nint main(void) { return square(3); }")
        let text = Disassembler.text(program)
        #expect(text.contains("square: registers=1"))
        #expect(text.contains("2:25    call square"))
        #expect(text.contains("callExternal") == false)
    }

    @Test func win32LayoutsMatchX64() throws {
        let program = try compile("""
        #include <windows.h>
        #include <stdio.h>
        int main(void) {
            printf("%d %d %d %d %d\\n", (int)sizeof(OVERLAPPED), (int)sizeof(OVERLAPPED_ENTRY), (int)sizeof(SYSTEM_INFO),
                   (int)sizeof(LARGE_INTEGER), (int)sizeof(HANDLE));
            printf("%d %d %d %d %d\\n", (int)offsetof(OVERLAPPED, Internal), (int)offsetof(OVERLAPPED, InternalHigh),
                   (int)offsetof(OVERLAPPED, Offset), (int)offsetof(OVERLAPPED, OffsetHigh), (int)offsetof(OVERLAPPED, hEvent));
            printf("%d %d %d\\n", (int)offsetof(SYSTEM_INFO, dwNumberOfProcessors), (int)offsetof(SYSTEM_INFO, dwAllocationGranularity),
                   (int)sizeof(long));
            LARGE_INTEGER li; li.QuadPart = 0x100000002LL;
            printf("%lu %ld\\n", li.LowPart, li.HighPart);
            return 0;
        }
        """)
        #expect(StandaloneRun.run(program).outputText == "32 32 48 8 8\n0 8 16 20 24\n32 40 4\n2 1\n")
    }

    @Test func namesAddressesForTheView() throws {
        let program = try compile("""
        #include <windows.h>
        OVERLAPPED requests[4];
        int counter;
        VOID CALLBACK Done(DWORD e, DWORD n, LPOVERLAPPED o) { static int calls; calls++; }
        int main(void) { ReadFileEx(NULL, NULL, 0, &requests[2], Done); return 0; }
        """)
        var memory = Memory()
        var thread = try VMThread.main(program: program, memory: &memory)
        guard case .external(let call) = VM.run(&thread, program: program, memory: &memory, budget: 100) else {
            Issue.record("no call")
            return
        }
        let arguments = thread.arguments(of: call)
        #expect(program.describe(address: arguments[3]) == "requests+64")
        #expect(program.describe(address: arguments[3] + 24) == "requests+88")
        #expect(program.functionName(atAddress: arguments[4]) == "Done")
        #expect(program.globalVariables.map(\.name) == ["requests", "counter", "Done.calls"])
        #expect(program.describe(address: 0x10) == nil)
    }

    @Test func compilingAndRunningAreDeterministic() throws {
        let source = try #require(Fixture.all().first { $0.name == "vm/designated_initializers.c" }).source
        let a = try #require(CCompiler.compile(source: source).program)
        let b = try #require(CCompiler.compile(source: source).program)
        #expect(a.code == b.code && a.lines == b.lines && a.columns == b.columns && a.externals == b.externals)
        #expect(Disassembler.text(a) == Disassembler.text(b))
        let first = StandaloneRun.run(a), second = StandaloneRun.run(b)
        #expect(first.output == second.output && first.statements == second.statements)
    }
}
