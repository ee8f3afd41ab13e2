import DequeModule

/// One CPU.
struct CPUState: Sendable {
    var thread: ThreadID?
    var lastThread: ThreadID?
    /// When the current thread was put on this CPU: the preemption
    /// tie-break prefers the thread that has held its CPU longest.
    var dispatchedAt: UInt64 = 0
    /// A higher-priority thread became ready while this CPU's thread was in
    /// the middle of a step (a service it called readied the other thread);
    /// the preemption happens when that step ends, as NT's dispatcher does
    /// when the service leaves the dispatcher lock.
    var preemptPending = false
    var busySince: UInt64?
    var busyTotal: UInt64 = 0
    /// Recent busy intervals (merged), for SimCpuUsage.
    var recent: Deque<(start: UInt64, end: UInt64)> = []
}
