import SimKernel

extension LogEntry {
    /// The log entry for a kernel trace event. With `threadNames` (indexed
    /// by thread id) the line names its thread as the screen does
    /// everywhere, else by id ("T3").
    public init(event: TraceEvent, threadNames: [String]? = nil) {
        self.init(time: event.time, thread: event.thread, kind: event.action, name: event.name,
                  result: event.action == .block ? "blocks" : event.result,
                  text: threadNames.map { names in event.line { names.indices.contains($0) ? names[$0] : "T\($0)" } } ?? event.line,
                  returnValue: event.action == .call || event.action == .wake ? event.returnValue : nil)
    }

    /// A program's `SimNote(text)`: a call in the trace, a note in the log.
    public var isProgramNote: Bool { (kind == .call || kind == .block) && name == "SimNote" }

    /// A misuse warning the kernel raised.
    public var isWarning: Bool { kind == .note && name == "warning" }

    /// A thread's Win32 call returning, at once or when its wait ended (not a
    /// call that blocked, not a kernel activity).
    public var isCallResult: Bool {
        guard thread != nil else { return false }
        return kind == .wake || (kind == .call && !isProgramNote)
    }

    /// What happened, as the one stable word the log speaks of it in: the
    /// call's name for a call ("ReadFile"), else "wake", "complete",
    /// "packet", "apc-queued", "apc-run", "exit", "warning", "note", …
    public var action: String {
        switch kind {
        case .call, .block: return isProgramNote ? "note" : name
        case .wake: return "wake"
        case .ioStart: return "io-start"
        case .ioComplete: return "complete"
        case .apcQueued: return "apc-queued"
        case .apcRun: return "apc-run"
        case .apcReturn: return "apc-return"
        case .packetQueued: return "packet"
        case .packetDequeued: return "dequeue"
        case .threadCreated: return "thread-created"
        case .threadExited: return "exit"
        case .preempt: return "preempt"
        case .note: return isWarning ? "warning" : "note"
        case .fault: return "fault"
        }
    }
}
