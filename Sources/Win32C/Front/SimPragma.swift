/// A `#pragma sim NAME(ARGS)` line, validated and kept for the runtime, which
/// turns it into machine setup (processors, seed, files, disk, parameters).
public struct SimPragma: Sendable, Equatable {
    /// One argument: `"text"`, `123`, `name`, or `key=value`.
    public enum Argument: Sendable, Equatable {
        case string(String)
        case integer(Int64)
        case identifier(String)
        case keyValue(key: String, value: String)
    }

    public var name: String
    public var arguments: [Argument]
    public var location: SourceLocation

    public init(name: String, arguments: [Argument], location: SourceLocation) {
        self.name = name
        self.arguments = arguments
        self.location = location
    }

    /// The known pragma names and the keys `disk(...)` accepts.
    public static let names = ["cpus", "seed", "file", "disk", "param"]
    public static let diskKeys = ["latency_us", "jitter_us", "parallel", "sector", "cache"]
}
