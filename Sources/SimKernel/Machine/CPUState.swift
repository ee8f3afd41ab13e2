import DequeModule

/// One CPU.
struct CPUState: Sendable {
    var thread: Int?
    var lastThread: Int?
    var busySince: UInt64?
    var busyTotal: UInt64 = 0
    /// Recent busy intervals (merged), for SimCpuUsage.
    var recent: Deque<(start: UInt64, end: UInt64)> = []
}
