import Foundation
import Testing
import SimKernel
@testable import SimRuntime

/// Same program and seed give byte-identical output and trace; a copy of a
/// run is a snapshot that continues exactly like the original.
@Suite struct DeterminismTests {
    static let programs = Paths.cFiles(under: Paths.programs).map(\.name)

    static func source(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: Paths.programs.appendingPathComponent(name)))
    }

    @Test(arguments: programs)
    func twiceGivesTheSameOutputAndTrace(_ name: String) throws {
        let first = try runToEnd(source: Self.source(name), name: name)
        let second = try runToEnd(source: Self.source(name), name: name)
        #expect(!first.trace.isEmpty)
        #expect(first.output == second.output)
        #expect(first.trace == second.trace)
        #expect(first.run.statsJSON == second.run.statsJSON)
    }

    @Test(arguments: ["method3-alertable.c", "method4-iocp.c", "iocp-concurrency.c", "unbuffered-copy.c"])
    func snapshotMidRunContinuesIdentically(_ name: String) throws {
        var original = try ProgramRun.make(source: Self.source(name), fileName: name)
        for _ in 0..<40 { original.stepEvent() }
        let snapshot = original
        let pictureAtSnapshot = snapshot.machine
        let logAtSnapshot = snapshot.log
        original.runToEnd()
        var resumed = snapshot
        // Stepping the original did not touch the snapshot.
        #expect(snapshot.machine == pictureAtSnapshot)
        #expect(snapshot.log == logAtSnapshot)
        resumed.runToEnd()
        #expect(resumed.output == original.output)
        #expect(resumed.kernel.trace.text == original.kernel.trace.text)
        #expect(resumed.outcome == original.outcome)
        #expect(resumed.machine == original.machine)
    }

    @Test func tracingOffChangesNothingButTheLog() throws {
        let name = "iocp-shutdown.c"
        let traced = try runToEnd(source: Self.source(name), name: name)
        let quiet = try runToEnd(source: Self.source(name), name: name, settings: RunSettings(tracing: false))
        #expect(quiet.trace.isEmpty)
        #expect(quiet.output == traced.output)
        #expect(quiet.run.statsJSON == traced.run.statsJSON)
    }

    @Test func anotherSeedMovesTimesNotTheMethodResult() throws {
        let name = "method2-event.c"
        let one = try runToEnd(source: Self.source(name), name: name)
        let other = try runToEnd(source: Self.source(name), name: name, settings: RunSettings(seed: 99))
        #expect(one.trace != other.trace)
        // The data file's bytes depend on the seed, so the checksum may differ;
        // the shape of the output may not.
        #expect(one.output.split(separator: "\n").count == other.output.split(separator: "\n").count)
    }
}
