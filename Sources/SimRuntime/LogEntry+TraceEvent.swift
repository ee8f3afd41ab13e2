import SimKernel

extension LogEntry {
    /// A log line from a kernel trace event; `action` is a stable word. With
    /// `threadNames` (indexed by thread id) the line names its thread as
    /// the screen does everywhere, else by id ("T3").
    init(event: TraceEvent, threadNames: [String]? = nil) {
        let action: String
        switch event.action {
        case .call, .block: action = event.name == "SimNote" ? "note" : event.name
        case .wake: action = "wake"
        case .ioStart: action = "io-start"
        case .ioComplete: action = "complete"
        case .apcQueued: action = "apc-queued"
        case .apcRun: action = "apc-run"
        case .apcReturn: action = "apc-return"
        case .packetQueued: action = "packet"
        case .packetDequeued: action = "dequeue"
        case .threadCreated: action = "thread-created"
        case .threadExited: action = "exit"
        case .preempt: action = "preempt"
        case .note: action = event.name == "warning" ? "warning" : "note"
        case .fault: action = "fault"
        }
        let result = event.action == .block ? "blocks" : event.result
        self.init(time: event.time, thread: event.thread, action: action, result: result,
                  text: threadNames.map { names in event.line { names.indices.contains($0) ? names[$0] : "T\($0)" } } ?? event.line,
                  name: event.name, returnValue: event.action == .call || event.action == .wake ? event.returnValue : nil)
    }
}
