import Foundation
import Testing

/// `--narrate` on `run`, `compare` and `lesson`: plain sentences on stdout,
/// one per kernel event, answers read from stdin.
extension CLITests {
    static func hasNoTerminalControl(_ text: String) -> Bool {
        !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }
    }

    @Test func runNarratesEveryEventThenPrintsTheProgramsOutput() throws {
        let path = Self.programs.appendingPathComponent("method4-iocp.c").path
        let plain = try run(["run", path])
        let r = try run(["run", path, "--narrate"])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("the program exited with code 0.\n" + plain.stdout))
        #expect(r.stdout.hasPrefix("5 µs: main called SetThreadDescription"))
        #expect(r.stdout.contains("the newest waiter, was released with the packet for g_requests["))
        #expect(Self.hasNoTerminalControl(r.stdout))
        let again = try run(["run", path, "--narrate"])
        #expect(again.stdout == r.stdout, "deterministic")
        let both = try run(["run", path, "--narrate", "--trace"])
        #expect(both.status == 64 && both.stderr.contains("--narrate and --trace"))
    }

    @Test func compareNarratesEveryPaneOnOneClock() throws {
        let r = try run(["compare", "--narrate"])
        #expect(r.status == 0)
        for label in ["Device-signaled", "Event-signaled", "Alertable I/O", "Completion port"] {
            #expect(r.stdout.contains(", \(label): the program exited with code 0."), "\(label) ends")
        }
        #expect(Self.hasNoTerminalControl(r.stdout))
        // One clock: the times never go back.
        var last = 0.0
        for line in r.stdout.split(separator: "\n") {
            let time = line.prefix { $0 != "," && $0 != ":" }
            let parts = time.split(separator: " ")
            guard parts.count == 2, let value = Double(parts[0]) else {
                Issue.record("no time: \(line)")
                continue
            }
            let microseconds = parts[1] == "ms" ? value * 1000 : value
            #expect(microseconds >= last, "\(line)")
            last = microseconds
        }
    }

    @Test func lessonNarrationReadsAnswersFromStandardInput() throws {
        let answers = String(repeating: "a\n", count: 20)
        let r = try run(["lesson", "waiting-on-the-device", "--narrate"], input: "x\n" + answers)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("# Waiting on the device handle"))
        #expect(r.stdout.contains("'x' is not one of the choices."))
        #expect(r.stdout.contains("Answer: a, right."))
        #expect(r.stdout.contains("The reveal:\n3.027 ms: the disk"))
        #expect(r.stdout.hasSuffix("End of the lesson.\n"))
        #expect(Self.hasNoTerminalControl(r.stdout))

        let stopped = try run(["lesson", "waiting-on-the-device", "--narrate"], input: "")
        #expect(stopped.status == 1)
        #expect(stopped.stderr.contains("standard input ended before the question was answered"))
    }

    @Test func lessonNarrationAsksDecisionsLikeQuestions() throws {
        // Lesson 11 opens with a decision: 'd' (worker 4, the newest waiter) is the kernel's.
        let r = try run(["lesson", "port-concurrency", "--narrate"], input: "d\n" + String(repeating: "a\n", count: 20))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Your decision above, as the kernel (a-d, or q to stop):"))
        #expect(r.stdout.contains("Decision: d, right. Rule: The port's waiting threads form a stack"))
        #expect(r.stdout.contains("Decision: a, not what the kernel decided (it decided 3). Rule:"))
        #expect(!r.stdout.contains("not answered"), "every decision is asked")
        let stopped = try run(["lesson", "port-concurrency", "--narrate"], input: "")
        #expect(stopped.stderr.contains("standard input ended before the decision was answered"))
    }
}
