import Foundation
import Testing
import SimKernel
@testable import SimRuntime

/// Pausing after every statement (a lesson testing its stop) and stepping one
/// thread statement by statement cut a run finer without changing it: the
/// same trace, times, counters and output as a run that never paused.
@Suite struct StatementPauseTests {
    @Test(arguments: ["method2-event.c", "method3-alertable.c", "method4-iocp.c", "iocp-concurrency.c", "adaptive-pool.c"])
    func pausingAfterEveryStatementChangesNothing(_ name: String) throws {
        let source = try DeterminismTests.source(name)
        let plain = try runToEnd(source: source, name: name)
        var paused = try ProgramRun.make(source: source, fileName: name)
        paused.setPausesAtStatements(true)
        var pauses = 0
        while paused.outcome == nil {
            let wasPaused = paused.isPaused
            let time = paused.now
            paused.stepEvent()
            if wasPaused {
                pauses += 1
                #expect(paused.now == time, "going on from a pause takes no time")
            }
        }
        #expect(pauses > 100, "the run paused between statements (\(pauses))")
        #expect(paused.kernel.trace.text == plain.trace)
        #expect(paused.output == plain.output)
        #expect(paused.statsJSON == plain.run.statsJSON)
    }

    @Test func steppingOneThreadStatementByStatementKeepsTheClock() throws {
        let name = "method4-iocp.c"
        let source = try DeterminismTests.source(name)
        let plain = try runToEnd(source: source, name: name)
        var stepped = try ProgramRun.make(source: source, fileName: name)
        for _ in 0 ..< 200 where stepped.outcome == nil { stepped.stepStatement(thread: 1) }
        stepped.runToEnd()
        #expect(stepped.kernel.trace.text == plain.trace)
        #expect(stepped.statsJSON == plain.run.statsJSON)
    }
}
