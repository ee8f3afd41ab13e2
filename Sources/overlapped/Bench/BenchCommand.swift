import ArgumentParser
import Foundation
import OverlappedBench

/// `overlapped bench`: how fast Overlapped simulates and draws, on fixed
/// workloads (see bench/README.md for the numbers and the SimPy peer).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure how fast the simulator runs fixed workloads.",
        discussion: """
            Runs each workload once and prints a table (or, with --json, one JSON object \
            with a "workloads" list). Rates are per wall-clock second; measure a release \
            build (swift build -c release) on an otherwise idle machine.

            WORKLOADS
            \(BenchWorkload.allCases.map { "  \($0.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \($0.summary)" }.joined(separator: "\n"))
            """)

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    @Option(name: .customLong("workload"), help: ArgumentHelp("Run only this workload (repeatable).", valueName: "NAME"))
    var workloads: [String] = []

    @Flag(help: "Scaled-down workloads for smoke tests (seconds, not minutes).")
    var quick = false

    @Flag(help: ArgumentHelp("Run without watching pending I/O for misuse warnings, to measure what the watching costs.",
                             discussion: "Applies to the workloads that simulate (all but render, compare-step and startup, "
                                 + "which measure drawing and start-up). Compare with a run without this flag; bench/README.md "
                                 + "has the figures."))
    var withoutIOWatch = false

    func validate() throws {
        for name in workloads where BenchWorkload(rawValue: name) == nil {
            throw ValidationError("unknown workload '\(name)'; one of: \(BenchWorkload.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    var selected: [BenchWorkload] {
        let chosen = Set(workloads)
        return workloads.isEmpty ? BenchWorkload.allCases : BenchWorkload.allCases.filter { chosen.contains($0.rawValue) }
    }

    func run() throws {
        var runner = BenchRunner(quick: quick, watchesPendingIO: !withoutIOWatch) {
            try CompareSimulations.make(.standard, settings: .init(seed: nil, cpus: nil, parameters: []), directory: nil)
        }
        var results: [BenchResult] = []
        for workload in selected {
            results.append(runner.run(workload))
        }
        if json {
            print(BenchReport.json(results, quick: quick, watchesPendingIO: !withoutIOWatch))
        } else {
            print(BenchReport.table(results, quick: quick, watchesPendingIO: !withoutIOWatch))
        }
        if results.contains(where: { !$0.ok }) {
            for r in results where !r.ok {
                FileHandle.standardError.write(Data("overlapped bench: \(r.name): \(r.problem ?? "failed")\n".utf8))
            }
            throw ExitCode(1)
        }
    }
}
