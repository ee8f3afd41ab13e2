import Foundation
import SimKernel
import Testing
@testable import SimRuntime

/// Misuse warnings: each fixture in `Misuse/` commits one mistake and marks
/// the line it is made on with `// warning: KIND`; the warning must fire
/// there, once, and no other. Every correct program shipped or tested must
/// raise none.
@Suite struct MisuseWarningTests {
    static let misuseDirectory = Paths.testsDirectory.appendingPathComponent("SimRuntimeTests/Misuse")
    static let fixtures = Paths.cFiles(under: misuseDirectory).map(\.name)

    /// Programs that commit a mistake on purpose to show it, and the one warning each must raise.
    static let deliberate: [String: MisuseWarning.Kind] = [
        "device-ambiguity.c": .ambiguousFileWait,   // waits on the handle with two reads in flight to show why not
        "iocp-shutdown.c": .portClosedWithWaiters,  // part 1 ends its stuck workers by closing the port
    ]

    static func run(_ url: URL) throws -> ProgramRun {
        var run = try ProgramRun.make(sourcePath: url.path, settings: RunSettings(maxStatements: 20_000_000))
        run.runToEnd()
        return run
    }

    /// The kind and line a fixture's `// warning: KIND` comment names.
    static func expectation(_ url: URL) throws -> (kind: String, line: Int) {
        let text = try String(contentsOf: url, encoding: .utf8)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: "// warning: ") {
                return (String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces), index + 1)
            }
        }
        throw CancellationError()
    }

    @Test func everyKindHasAFixture() {
        let kinds = Set(Self.fixtures.map { String($0.dropLast(2)) })
        for kind in MisuseWarning.Kind.allCases {
            #expect(kinds.contains(kind.rawValue), "no fixture Misuse/\(kind.rawValue).c")
        }
    }

    @Test(arguments: fixtures)
    func firesAtTheMarkedLine(_ name: String) throws {
        let url = Self.misuseDirectory.appendingPathComponent(name)
        let want = try Self.expectation(url)
        let run = try Self.run(url)
        let warnings = run.kernel.misuseWarnings
        #expect(warnings.count == 1, "\(warnings.map(\.diagnostic))")
        let warning = try #require(warnings.first)
        #expect(warning.kind.rawValue == want.kind)
        #expect(warning.location?.line == want.line)
        #expect(warning.diagnostic.hasPrefix("\(url.path):\(want.line):"))
        #expect(warning.diagnostic.contains(": warning: "))
        // The event log says it too.
        #expect(run.log.contains { $0.text.contains("warning \(want.kind):") })
    }

    /// Without the watch (`bench --without-io-watch`), the warnings that need
    /// it stay silent and the program runs exactly as it does with it.
    @Test(arguments: ["overlapped-reused.c", "pending-buffer-read.c", "ambiguous-file-wait.c", "freed-while-pending.c"])
    func withoutTheWatchTheSameRunRaisesNone(_ name: String) throws {
        let url = Self.misuseDirectory.appendingPathComponent(name)
        var settings = RunSettings(maxStatements: 20_000_000)
        settings.watchesPendingIO = false
        var unwatched = try ProgramRun.make(sourcePath: url.path, settings: settings)
        unwatched.runToEnd()
        let watched = try Self.run(url)
        #expect(unwatched.kernel.misuseWarnings.isEmpty, "\(unwatched.kernel.misuseWarnings.map(\.diagnostic))")
        #expect(watched.kernel.misuseWarnings.count == 1)
        #expect(unwatched.output == watched.output)
        #expect(unwatched.kernel.now == watched.kernel.now)
    }

    @Test func oncePerSite() throws {
        let source = """
            #include <windows.h>
            #pragma sim file("data.bin", 65536)
            #pragma sim disk(latency_us=2000, cache=off)
            int main(void) {
                HANDLE h = CreateFile(TEXT("data.bin"), GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
                static BYTE a[4096];
                static OVERLAPPED ov;
                ReadFile(h, a, sizeof(a), NULL, &ov);
                int sum = 0;
                for (int i = 0; i < 100; i++) sum += a[i];
                for (int i = 0; i < 100; i++) sum += a[i];
                Sleep(10);
                CloseHandle(h);
                return sum > 0 ? 0 : 0;
            }
            """
        var run = try ProgramRun.make(source: source, fileName: "loop.c")
        run.runToEnd()
        // Two sites, a hundred reads each: one warning per site.
        #expect(run.kernel.misuseWarnings.map { $0.location?.line } == [10, 11])
    }

    @Test func noWarningOnShippedOrTestedPrograms() throws {
        let kernelPrograms = Paths.testsDirectory.appendingPathComponent("SimKernelTests")
        let corpus = Paths.testsDirectory.appendingPathComponent("SimRuntimeTests/Corpus")
        var checked = 0
        for directory in [Paths.programs, kernelPrograms, corpus] {
            for entry in Paths.cFiles(under: directory) {
                let run = try Self.run(entry.url)
                let kinds = run.kernel.misuseWarnings.map(\.kind)
                let allowed = Self.deliberate[entry.name].map { [$0] } ?? []
                #expect(kinds == allowed, "\(entry.name): \(run.kernel.misuseWarnings.map(\.diagnostic))")
                checked += 1
            }
        }
        #expect(checked > 30)
    }

    @Test func noWarningOnLanguageFixtures() {
        for fixture in RuntimeFixture.all() where fixture.skipReason == nil || fixture.needsKernel {
            guard var run = try? ProgramRun.make(source: fixture.source, fileName: "program.c",
                                                 settings: RunSettings(maxStatements: 20_000_000)) else { continue }
            run.runToEnd()
            #expect(run.kernel.misuseWarnings.isEmpty, "\(fixture.name): \(run.kernel.misuseWarnings.map(\.diagnostic))")
        }
    }
}
