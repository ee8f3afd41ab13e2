import Foundation
import SimKernel
import Testing
@testable import SimRuntime

/// `--narrate` for one program per notification method, against golden text
/// (`Golden/narration/<name>.txt`; `UPDATE_GOLDEN=1` rewrites them), and the
/// properties every narration must have: one sentence per event, the
/// program's own names, no terminal control.
@Suite struct NarrationGoldenTests {
    static let methods = ["method1-device.c", "method2-event.c", "method3-alertable.c", "method4-iocp.c"]
    static let updating = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
    static let directory = Paths.golden.appendingPathComponent("narration")

    static func narrate(_ name: String) throws -> (run: NarratedRun, text: String) {
        let source = try [UInt8](Data(contentsOf: Paths.programs.appendingPathComponent(name)))
        var run = NarratedRun(try ProgramRun.make(source: source, fileName: name))
        while run.stepEvent() {}
        return (run, run.sentences.map { $0.line() + "\n" }.joined())
    }

    @Test(arguments: methods)
    func golden(_ name: String) throws {
        let (_, text) = try Self.narrate(name)
        let url = Self.directory.appendingPathComponent(name.replacingOccurrences(of: ".c", with: ".txt"))
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        #expect(text == (try String(contentsOf: url, encoding: .utf8)))
    }

    @Test(arguments: methods)
    func plainSentencesInTheProgramsNames(_ name: String) throws {
        let (run, text) = try Self.narrate(name)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no terminal control")
        for line in text.split(separator: "\n") {
            #expect(line.hasSuffix("."), "a sentence: \(line)")
            #expect(line.contains(" s: ") || line.contains(" ms: ") || line.contains(" µs: "), "starts with the time: \(line)")
        }
        #expect(text.hasSuffix("the program exited with code 0.\n"))
        // Requests are named by the program's OVERLAPPED expressions, threads by their descriptions.
        let labels = Set(run.machine.overlappeds.map(\.label))
        #expect(!labels.isEmpty)
        #expect(labels.contains { text.contains("into \($0)") }, "a request named by its OVERLAPPED")
        #expect(text.contains("main "))
    }

    @Test func theCompletionPortsStoryIsTold() throws {
        let (_, text) = try Self.narrate("method4-iocp.c")
        #expect(text.contains("queued its packet"))
        #expect(text.contains("the newest waiter, was released with the packet for"))
        #expect(text.contains("running 1 of 2"))
    }

    @Test func narrationDoesNotChangeTheRun() throws {
        let name = "method3-alertable.c"
        let source = try [UInt8](Data(contentsOf: Paths.programs.appendingPathComponent(name)))
        var plain = try ProgramRun.make(source: source, fileName: name)
        plain.runToEnd()
        let (narrated, _) = try Self.narrate(name)
        #expect(narrated.output == plain.output)
        #expect(narrated.now == plain.now)
    }

    @Test func resultsAreToldInWordsNotTraceFields() {
        func event(_ result: String, value: UInt64, error: UInt32) -> TraceEvent {
            TraceEvent(time: 0, thread: 0, action: .call, name: "F", result: result, returnValue: value, lastError: error)
        }
        #expect(Narrator.resultWords(event("0 err=0", value: 0, error: 0)) == "0")
        #expect(Narrator.resultWords(event("0 err=735", value: 0, error: 735)) == "0, last error 735")
        #expect(Narrator.resultWords(event("failed err=2", value: 0, error: 2)) == "failed with error 2")
        #expect(Narrator.resultWords(event("WAIT_OBJECT_0", value: 0, error: 0)) == "WAIT_OBJECT_0")
    }

    @Test func wordsForTimesAndSizes() {
        #expect(NarrationWords.time(15) == "15 µs")
        #expect(NarrationWords.time(2_040) == "2.040 ms")
        #expect(NarrationWords.time(3_000) == "3.000 ms")
        #expect(NarrationWords.time(1_005) == "1.005 ms")
        #expect(NarrationWords.size(4_096) == "4 KiB")
        #expect(NarrationWords.size(1 << 20) == "1 MiB")
        #expect(NarrationWords.size(100) == "100 bytes")
        #expect(NarrationWords.list(["a", "b", "c"], conjunction: "or") == "a, b or c")
    }
}
