/// Something that happens at a virtual time.
struct ScheduledEvent: Sendable, Comparable {
    enum Action: Sendable {
        case cpuTimer(cpu: Int, thread: ThreadID, generation: UInt64)
        case switchDone(cpu: Int, thread: ThreadID, generation: UInt64)
        case waitTimeout(thread: ThreadID, generation: UInt64)
        case diskDone(request: RequestID)
        case fileSystemDone(request: RequestID)
    }
    var time: UInt64
    var sequence: UInt64
    var action: Action
    static func < (a: ScheduledEvent, b: ScheduledEvent) -> Bool {
        a.time != b.time ? a.time < b.time : a.sequence < b.sequence
    }
    static func == (a: ScheduledEvent, b: ScheduledEvent) -> Bool { a.time == b.time && a.sequence == b.sequence }
}
