/// The workloads of `overlapped bench`, in the order they run.
public enum BenchWorkload: String, CaseIterable, Sendable {
    case iocpServer = "iocp-server"
    case filecopy
    case apcStorm = "apc-storm"
    case wfmo64 = "wfmo-64"
    case scale
    case vm
    case render
    case compareStep = "compare-step"
    case startup
    case soak

    /// A line for `--help` and the table.
    public var summary: String {
        switch self {
        case .iocpServer: return "1,000 clients, 4 KiB read → 50 µs → write, 2×CPU threads on a port, 200,000 requests"
        case .filecopy: return "unbuffered completion-port copy of 256 MiB in 64 KiB transfers, 4 in flight"
        case .apcStorm: return "one thread, 64 ReadFileEx always in flight, 100,000 completions"
        case .wfmo64: return "64 events and requests, WaitForMultipleObjects, 100,000 completions"
        case .scale: return "10,000 threads, 100,000 outstanding requests (kernel API): wall time per kernel step"
        case .vm: return "a compute-only C loop: statements per second"
        case .render: return "the compare view rendered into a 200×60 grid: time per frame"
        case .compareStep: return "the default Compare stepped to the end (s), by statement (t) and back (b): time per step"
        case .startup: return "exec to `--version` exit and to the first frame on a terminal"
        case .soak: return "iocp-server for 10 M kernel events: peak memory at 1 M and at 10 M (flat)"
        }
    }

    /// The C program of a program workload; nil for the others.
    var program: String? {
        switch self {
        case .iocpServer: return BenchPrograms.iocpServer
        case .filecopy: return BenchPrograms.filecopy
        case .apcStorm: return BenchPrograms.apcStorm
        case .wfmo64: return BenchPrograms.wfmo64
        case .vm: return BenchPrograms.vm
        case .scale, .render, .compareStep, .startup, .soak: return nil
        }
    }

    /// `#pragma sim param` overrides for `--quick` (CI smoke runs).
    var quickParameters: [String: Int64] {
        switch self {
        case .iocpServer: return ["CLIENTS": 100, "REQUESTS": 2_000]
        case .filecopy: return ["FILE_BYTES": 4 << 20]
        case .apcStorm: return ["COMPLETIONS": 2_000]
        case .wfmo64: return ["COMPLETIONS": 2_000]
        case .vm: return ["ITERATIONS": 200_000]
        case .scale, .render, .compareStep, .startup, .soak: return [:]
        }
    }

    /// What the program prints on success, as a function of its parameters
    /// (checked, so a broken workload never reports a rate).
    func expectedOutput(_ parameters: [String: Int64]) -> String? {
        switch self {
        case .iocpServer: return "\(parameters["REQUESTS"] ?? 200_000) requests done\n"
        case .filecopy: return "copied \(parameters["FILE_BYTES"] ?? 268_435_456) bytes\n"
        case .apcStorm, .wfmo64: return "\(parameters["COMPLETIONS"] ?? 100_000) completions\n"
        case .vm, .scale, .render, .compareStep, .startup, .soak: return nil
        }
    }

    /// Rough virtual duration of the full run, for the progress bar only.
    var expectedVirtualMicroseconds: UInt64 {
        switch self {
        case .iocpServer: return 225_000_000
        case .filecopy: return 2_900_000
        case .apcStorm, .wfmo64: return 56_000_000
        default: return 0
        }
    }
}
