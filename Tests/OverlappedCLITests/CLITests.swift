import Foundation
import Testing

/// End-to-end tests of `overlapped run`: the built binary run as a user runs
/// it, checking exit statuses, what goes to stdout and to stderr.
@Suite struct CLITests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `overlapped` executable next to the test bundle (or `OVERLAPPED_BINARY`).
    static let binary: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["OVERLAPPED_BINARY"] { candidates.append(URL(fileURLWithPath: path)) }
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("overlapped"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("overlapped"))
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("overlapped"))
        }
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("overlapped"))
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/overlapped"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) && !$0.hasDirectoryPath }
    }()

    static let programs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lessons/programs")

    /// Runs the binary; `input`, when given, is its standard input (else none).
    func run(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil) throws -> Result {
        let binary = try #require(Self.binary, "the overlapped binary was not found next to the tests; build it first")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "interactive=no"
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let input {
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: try file("input.txt", input)))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        // Read both pipes fully before waiting, so a large trace cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes `text` to a fresh temporary file named `name`.
    func file(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("overlapped-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func exitStatusIsMainsReturnAndStdoutIsOnlyTheProgram() throws {
        let path = try file("hello.c", """
            #include <stdio.h>
            int main(void) { printf("hello\\n"); printf("world %d\\n", 42); return 300; }
            """)
        let r = try run(["run", path, "--headless"])
        #expect(r.status == 44)
        #expect(r.stdout == "hello\nworld 42\n")
        #expect(r.stderr == "")
        // Headless is automatic when stdout is not a terminal.
        let piped = try run(["run", path])
        #expect(piped.status == 44 && piped.stdout == r.stdout && piped.stderr == "")
    }

    @Test func traceAndStatsGoToStderrOnly() throws {
        let path = Self.programs.appendingPathComponent("method2-event.c").path
        let plain = try run(["run", path])
        let r = try run(["run", path, "--trace", "--stats"])
        #expect(r.status == 0)
        #expect(r.stdout == plain.stdout)
        var lines = r.stderr.split(separator: "\n").map(String.init)
        let last = lines.popLast()
        let statsLine = try #require(last)
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(statsLine.utf8)) as? [String: Any])
        for key in ["virtual_time_us", "statements", "kernel_events", "context_switches", "ios_completed", "threads"] {
            #expect(stats[key] != nil, "stats lack \(key)")
        }
        #expect((stats["ios_completed"] as? Int) == 8)
        #expect(lines.count > 20)
        for line in lines {
            let fields = line.split(separator: " ", maxSplits: 2)
            let timeOK = fields.count == 3 && fields[0].hasPrefix("t=") && fields[0].hasSuffix("us")
                && Int(fields[0].dropFirst(2).dropLast(2)) != nil
            let threadOK = fields.count == 3 && (fields[1] == "--" || (fields[1].hasPrefix("T") && Int(fields[1].dropFirst()) != nil))
            #expect(timeOK && threadOK, "trace line: \(line)")
        }
        #expect(lines.contains { $0.contains("ReadFile") && $0.hasSuffix("-> pending") })
    }

    @Test func sameProgramAndSeedGiveIdenticalBytes() throws {
        let path = Self.programs.appendingPathComponent("iocp-concurrency.c").path
        let a = try run(["run", path, "--trace", "--seed", "5"])
        let b = try run(["run", path, "--trace", "--seed", "5"])
        #expect(a.stdout == b.stdout)
        #expect(a.stderr == b.stderr)
        #expect(!a.stderr.isEmpty)
    }

    @Test func optionsOverridePragmas() throws {
        let path = try file("opts.c", """
            #include <windows.h>
            #include <stdio.h>
            #pragma sim cpus(4)
            #pragma sim param(N, 3)
            int main(void) { SYSTEM_INFO si; GetSystemInfo(&si); printf("%lu %d\\n", si.dwNumberOfProcessors, N); return 0; }
            """)
        #expect(try run(["run", path]).stdout == "4 3\n")
        #expect(try run(["run", path, "--cpus", "1", "--param", "N=-8"]).stdout == "1 -8\n")
    }

    @Test func compileErrorsAreAllReportedWithCarets() throws {
        let path = try file("bad.c", """
            int main(void) {
                int x = y;
                return z
            }
            """)
        let r = try run(["run", path])
        #expect(r.status == 101)
        #expect(r.stdout == "")
        // Messages name the file as the command line did.
        #expect(r.stderr.hasPrefix(path + ":2:13: error: "))
        #expect(r.stderr.contains(path + ":4:1: error: ") || r.stderr.contains(path + ":3:"))
        #expect(r.stderr.contains("    int x = y;\n            ^\n"))
    }

    @Test func runtimeFaultReportsLocationAndThreads() throws {
        let path = try file("div.c", """
            #include <stdio.h>
            int main(void) {
                volatile int zero = 0;
                printf("before\\n");
                return 10 / zero;
            }
            """)
        let r = try run(["run", path])
        #expect(r.status == 102)
        #expect(r.stdout == "before\n")
        #expect(r.stderr.hasPrefix(path + ":5:"))
        #expect(r.stderr.contains(": runtime error: division by zero"))
        #expect(r.stderr.contains("T1 \"main\": faulted at \(path):5:"))
    }

    @Test func deadlockHasItsOwnStatus() throws {
        let path = try file("dead.c", """
            #include <windows.h>
            int main(void) {
                HANDLE e = CreateEvent(NULL, FALSE, FALSE, NULL);
                WaitForSingleObject(e, INFINITE);
                return 0;
            }
            """)
        let r = try run(["run", path])
        #expect(r.status == 103)
        #expect(r.stderr.hasPrefix(path + ":4:5: runtime error: deadlock"))
        #expect(r.stderr.contains("T1 \"main\": blocked in WaitForSingleObject on e (INFINITE) at \(path):4:5 in main"))
    }

    @Test func statementBudgetHasItsOwnStatus() throws {
        let path = try file("spin.c", "int main(void) { volatile int i = 0; for (;;) i++; }\n")
        let r = try run(["run", path, "--max-statements", "1000"])
        #expect(r.status == 104)
        #expect(r.stderr.contains("runtime error: statement budget exceeded (1000 statements)"))
    }

    @Test func eventAndVirtualTimeBudgetsShareTheBudgetStatus() throws {
        let compute = try file("compute.c", "#include <windows.h>\nint main(void) { for (;;) SimCompute(0xFFFFFFFF); }\n")
        let events = try run(["run", compute, "--max-events", "20000"])
        #expect(events.status == 104)
        #expect(events.stderr.contains("runtime error: kernel event budget exceeded (20000 events)"))
        let sleeper = try file("sleeper.c", "#include <windows.h>\nint main(void) { for (;;) Sleep(0xFFFFFFFE); }\n")
        let time = try run(["run", sleeper, "--max-virtual-seconds", "100000"])
        #expect(time.status == 104)
        #expect(time.stderr.contains("runtime error: virtual time budget exceeded (100000 s of virtual time)"))
        #expect(try run(["run", sleeper, "--max-events", "0"]).status == 64)
        #expect(try run(["run", sleeper, "--limit", "nope=1"]).status == 64)
    }

    @Test func extremeParameterValuesAreValuesNotTraps() throws {
        let path = try file("p.c", "#pragma sim param(N, 0)\nint main(void) { return N < 0 ? 9 : 1; }\n")
        let r = try run(["run", path, "--param", "N=-9223372036854775808"])
        #expect(r.status == 9)
        #expect(r.stderr.isEmpty)
    }

    @Test func unreadableInputIsAClearMessage() throws {
        let missing = try run(["run", "/nonexistent/nowhere.c"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "/nonexistent/nowhere.c: error: cannot read the file: no such file\n")
        let directory = try run(["run", FileManager.default.temporaryDirectory.path])
        #expect(directory.status == 66)
        let binaryPath = try file("blob.c", "\u{7F}ELF\u{0}\u{1}\u{2}")
        let binary = try run(["run", binaryPath])
        #expect(binary.status == 66)
        #expect(binary.stderr.contains("binary data"))
        #expect(!binary.stderr.contains("Fatal error"))
    }

    @Test func badCommandLinesAreUsageErrors() throws {
        let path = try file("ok.c", "int main(void) { return 0; }\n")
        #expect(try run(["run", path, "--cpus", "0"]).status == 64)
        #expect(try run(["run", path, "--param", "NOVALUE"]).status == 64)
        #expect(try run(["run"]).status == 64)
    }

    @Test func aLessonOpensByItsNumberAsListed() throws {
        let byNumber = try run(["lesson", "4"])
        #expect(byNumber.status == 0)
        #expect(byNumber.stdout.hasPrefix("Waiting on the device handle  (waiting-on-the-device,"))
        let missing = try run(["lesson", "99"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("no lesson '99' (numbers 1-16)"))
    }

    @Test func lessonsShowsTheScoreAndResetClearsProgress() throws {
        let data = URL(fileURLWithPath: try file("unused", "")).deletingLastPathComponent()
        let directory = data.appendingPathComponent("overlapped")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Lesson 1 finished with its one question right at the first try; lesson 2 only started.
        let progress = #"{"version": 1, "lessons": {"#
            + #""using-overlapped": {"stepsSeen": [0, 4], "answers": [{"step": 2, "choice": 0, "correct": true, "firstTry": true}], "finished": true},"#
            + #""sync-and-overlapped": {"stepsSeen": [0], "answers": [{"step": 0, "choice": 0, "correct": true}], "finished": false}}}"#
        try Data(progress.utf8).write(to: directory.appendingPathComponent("progress.json"))
        let environment = ["XDG_DATA_HOME": data.path]
        let listed = try run(["lessons"], environment: environment)
        #expect(listed.status == 0)
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 16)
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        #expect(lines[0].hasPrefix("[x]") && lines[0].hasSuffix(" 1/1 mastered"))
        #expect(lines[1].hasPrefix("[~]") && lines[1].hasSuffix(" 1/4"))
        #expect(lines[2].hasPrefix("[ ]") && !lines[2].contains("/"))
        let reset = try run(["lessons", "--reset", "1"], environment: environment)
        #expect(reset.status == 0)
        #expect(reset.stdout.hasPrefix("Progress cleared for lesson '"))
        let after = try run(["lessons"], environment: environment)
        #expect(after.stdout.split(separator: "\n").first?.hasPrefix("[ ]") == true)
        let unknown = try run(["lessons", "--reset", "99"], environment: environment)
        #expect(unknown.status == 64)
        #expect(unknown.stderr == "overlapped lessons: no lesson '99' (numbers 1-16); 'overlapped lessons' lists them\n")
        let all = try run(["lessons", "--reset"], environment: environment)
        #expect(all.stdout == "Progress cleared for every lesson.\n")
        #expect(try run(["lessons"], environment: environment).stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("[ ]") })
    }

    @Test func aMissingLessonFileIsAPlainMessageWithRunsStatus() throws {
        let r = try run(["lesson", "check", "/nonexistent/lesson.md"])
        #expect(r.status == 66)
        #expect(r.stdout.contains("/nonexistent/lesson.md:1: cannot read the file: no such file\n"))
    }

    @Test func theBuiltInCoursePassesItsCheckWithoutSpoilers() throws {
        let r = try run(["lesson", "check", "--all"])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("16 passed, 0 failed\n"))
        #expect(!r.stdout.contains("warning:"))
    }

    @Test func aBuiltInProgramRunsByName() throws {
        let r = try run(["run", "method4-iocp.c"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("reads: 8 of 4096 bytes\n"))
    }

    @Test func disassembleListsTheBytecode() throws {
        let path = try file("d.c", "int main(void) { return 1 + 2; }\n")
        let r = try run(["run", path, "--disassemble"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("main:"))
    }

    @Test func helpDocumentsExitStatusesAndCosts() throws {
        let r = try run(["run", "--help"])
        #expect(r.status == 0)
        for text in ["101", "102", "103", "104", "66", "10 ns", "--max-statements", "--max-events", "--max-virtual-seconds",
                     "--limit", "ERROR_DISK_FULL"] {
            #expect(r.stdout.contains(text), "help lacks \(text)")
        }
    }
}
