import Foundation
import SimRuntime

/// The soak workload: the iocp-server program run long (10 M kernel events,
/// 300 k in `--quick`), with the peak resident memory taken after a tenth of
/// the events and at the end. A run that keeps nothing per finished request
/// stays flat; the two figures differ by a few percent at most.
extension BenchRunner {
    mutating func runSoak() -> BenchResult {
        var result = BenchResult(name: BenchWorkload.soak.rawValue)
        let last = quick ? 300_000 : 10_000_000
        let first = last / 10
        var settings = RunSettings(parameters: ["CLIENTS": 1_000, "REQUESTS": Int64(last / 4)], maxStatements: Int.max / 2,
                                   tracing: false, maxEvents: Int.max / 2)
        settings.watchesPendingIO = watchesPendingIO
        var simulation: ProgramRun
        do {
            simulation = try ProgramRun.make(source: BenchPrograms.iocpServer, fileName: "soak.c", settings: settings)
        } catch {
            result.ok = false
            result.problem = error.rendered
            return result
        }
        let clock = ContinuousClock()
        let start = clock.now
        var firstPeak: UInt64 = 0
        while simulation.kernel.eventCount < last, simulation.stepEvent(runningAhead: true) {
            if firstPeak == 0 && simulation.kernel.eventCount >= first { firstPeak = ResidentMemory.peakBytes() }
            if simulation.kernel.eventCount & 0xFFFF == 0 {
                progress.update(Double(simulation.kernel.eventCount) / Double(last), note: "\(simulation.kernel.eventCount / 1000) k events")
            }
        }
        result.wallTimeSeconds = start.duration(to: clock.now).seconds
        let lastPeak = ResidentMemory.peakBytes()
        result.kernelEvents = simulation.kernel.eventCount
        result.vmStatements = simulation.statements
        result.virtualTimeUs = simulation.now
        if simulation.outcome != nil || simulation.kernel.eventCount < last {
            result.ok = false
            result.problem = "the program stopped before \(last) events: \(String(describing: simulation.outcome))"
        }
        let growth = firstPeak > 0 ? (Double(lastPeak) / Double(firstPeak) - 1) * 100 : 0
        result.extra = [("events_first", Double(first)), ("peak_rss_first_bytes", Double(firstPeak)),
                        ("events_last", Double(last)), ("peak_rss_last_bytes", Double(lastPeak)), ("rss_growth_percent", growth)]
        result.summary = String(format: "peak RSS %.1f MiB at %@ events, %.1f MiB at %@ (%+.1f%%)",
                                Double(firstPeak) / 1_048_576, Self.millions(first), Double(lastPeak) / 1_048_576,
                                Self.millions(last), growth)
        return result
    }

    static func millions(_ n: Int) -> String { n >= 1_000_000 ? "\(n / 1_000_000) M" : "\(n / 1_000) k" }
}
