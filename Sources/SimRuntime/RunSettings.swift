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

    public static let defaultMaxStatements = 100_000_000
    public static let defaultMaxOutputBytes = 64 << 20

    public init(seed: UInt64? = nil, cpus: Int? = nil, parameters: [String: Int64] = [:],
                maxStatements: Int = RunSettings.defaultMaxStatements, tracing: Bool = true,
                maxOutputBytes: Int = RunSettings.defaultMaxOutputBytes) {
        self.seed = seed
        self.cpus = cpus
        self.parameters = parameters
        // Capped so counting past the budget can never overflow.
        self.maxStatements = min(max(1, maxStatements), 1 << 60)
        self.tracing = tracing
        self.maxOutputBytes = max(0, maxOutputBytes)
    }
}
