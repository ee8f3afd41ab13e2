import Foundation
import Testing
import SimKernel
@testable import SimRuntime

/// `--trace` writes the trace as the run goes and keeps none of it: the
/// text is the same as the whole trace written at the end.
@Suite struct TraceStreamingTests {
    static let programs = Paths.cFiles(under: Paths.programs).map(\.name)

    @Test(arguments: programs)
    func streamedTraceEqualsTheWholeTrace(_ name: String) throws {
        let source = try [UInt8](Data(contentsOf: Paths.programs.appendingPathComponent(name)))
        let whole = try runToEnd(source: source, name: name)
        var run = try ProgramRun.make(source: source, fileName: name)
        var streamed = ""
        while run.stepEvent(runningAhead: true) { streamed += run.takeTrace().text }
        streamed += run.takeTrace().text
        #expect(streamed == whole.trace)
        #expect(run.kernel.trace.isEmpty)
        #expect(run.outputBytes == whole.run.outputBytes)
    }
}
