import Foundation
import Testing

/// `overlapped run` and misuse warnings: clang-style lines on stderr, once
/// per place, and `--warnings-as-errors` turning them into status 105.
@Suite struct WarningsCLITests {
    static let misuse = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SimRuntimeTests/Misuse")

    @Test func warningsGoToStderrInClangStyle() throws {
        let file = Self.misuse.appendingPathComponent("event-shared.c").path
        let result = try CLITests().run(["run", file, "--headless"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasSuffix(" [event-shared]") == true, "\(result.stderr)")
        #expect(lines.first?.hasPrefix("\(file):17:5: warning: the event 'event' is the hEvent of 1 request in flight") == true,
                "\(result.stderr)")
    }

    @Test func warningsAsErrorsExitWith105() throws {
        let file = Self.misuse.appendingPathComponent("pending-buffer-read.c").path
        let result = try CLITests().run(["run", file, "--headless", "--warnings-as-errors"])
        #expect(result.status == 105)
        #expect(result.stderr.contains(":14:18: warning: buffer of pending read"))
        let correct = try CLITests().run(["run", CLITests.programs.appendingPathComponent("method2-event.c").path,
                                          "--headless", "--warnings-as-errors"])
        #expect(correct.status == 0)
        #expect(correct.stderr.isEmpty)
    }

    @Test func helpListsTheSwitchAndTheStatus() throws {
        let result = try CLITests().run(["run", "--help"])
        #expect(result.stdout.contains("--warnings-as-errors"))
        #expect(result.stdout.contains("105"))
    }
}
