import SimKernel
import Win32C

/// How to run a program: the command-line options of `overlapped run`, for
/// the command, the UI and the lessons alike. Every option left nil falls
/// back to the program's `#pragma sim` line, then to the default.
public struct RunSettings: Sendable, Equatable {
    /// Random seed (`--seed`); wins over `#pragma sim seed`.
    public var seed: UInt64?
    /// Simulated processors (`--cpus`); wins over `#pragma sim cpus`.
    public var cpus: Int?
    /// `--param NAME=VALUE`: wins over `#pragma sim param(NAME, value)`.
    public var parameters: [String: Int64]
    /// Statements all threads together may execute before the run stops
    /// with a runtime error (`--max-statements`).
    public var maxStatements: Int
    /// Console output the program may write before the run stops with a
    /// runtime error (a printing loop would otherwise fill memory first).
    public var maxOutputBytes: Int
    /// Record the kernel trace (the event log and `--trace`). Turning it off
    /// changes nothing but the log.
    public var tracing: Bool
    /// Kernel events (scheduled events and system services) the run may
    /// handle before it stops (`--max-events`): statements alone do not
    /// bound a program whose few statements each cost many events
    /// (`SimCompute(0xFFFFFFFF)` is some 430,000 quantum ends).
    public var maxEvents: Int
    /// Virtual time in µs the run may reach before it stops
    /// (`--max-virtual-seconds`): a loop of long sleeps uses few statements
    /// and events but would run the clock past any meaning (and past 64 bits).
    public var maxVirtualMicroseconds: UInt64

    /// The kernel's quotas (handles, queued APCs and packets, volume free
    /// space); `--limit` raises or lowers them.
    public var limits = KernelLimits()
    /// `VirtualAlloc`'s commit limit in bytes.
    public var commitLimit: UInt64 = CProcess.defaultCommitLimit
    /// Watch pending I/O for the misuse warnings (`KernelConfiguration.watchesPendingIO`).
    public var watchesPendingIO = true
    /// Keep only about this many of the newest trace events (nil: all).
    /// The screen sets it, so a run watched for a long time stays in
    /// bounded memory; lessons keep the whole trace (their conditions read it).
    public var traceLimit: Int?

    /// The trace kept for a run on screen: far more than any log view shows.
    public static let screenTraceLimit = 100_000

    public static let defaultMaxStatements = 100_000_000
    public static let defaultMaxOutputBytes = 64 << 20
    /// Twenty times the events of the largest built-in workload (`bench`
    /// iocp-server), yet under half a minute of a release build (bench/README.md).
    public static let defaultMaxEvents = 50_000_000
    /// One virtual year.
    public static let defaultMaxVirtualSeconds: UInt64 = 365 * 24 * 3600

    public init(seed: UInt64? = nil, cpus: Int? = nil, parameters: [String: Int64] = [:],
                maxStatements: Int = RunSettings.defaultMaxStatements, tracing: Bool = true,
                maxOutputBytes: Int = RunSettings.defaultMaxOutputBytes,
                maxEvents: Int = RunSettings.defaultMaxEvents,
                maxVirtualSeconds: UInt64 = RunSettings.defaultMaxVirtualSeconds) {
        self.seed = seed
        self.cpus = cpus
        self.parameters = parameters
        // Capped so counting past the budget can never overflow.
        self.maxStatements = min(max(1, maxStatements), 1 << 60)
        self.tracing = tracing
        self.maxOutputBytes = max(0, maxOutputBytes)
        self.maxEvents = min(max(1, maxEvents), 1 << 60)
        // Capped far below the clock's 64 bits so deadlines computed from it never overflow.
        self.maxVirtualMicroseconds = min(max(1, maxVirtualSeconds), 1 << 40) * 1_000_000
    }
}
