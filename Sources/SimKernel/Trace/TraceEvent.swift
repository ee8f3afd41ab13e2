/// One thing the kernel did, as structured data. The raw material of the
/// event log, the timeline and the metrics; `line` renders it as one stable
/// line of text, e.g. `t=1204us T2 ReadFile h=0x8 off=65536 len=4096 -> pending`.
public struct TraceEvent: Sendable, Equatable {
    public enum Action: String, Sendable, Equatable {
        /// A service returned at once (`result` holds the return value).
        case call
        /// A service blocked the calling thread.
        case block
        /// A blocked thread's wait ended (`result` holds the return value).
        case wake
        /// A request was handed to the device or file system.
        case ioStart
        /// A request completed (`result` holds the status).
        case ioComplete
        case apcQueued
        case apcRun
        case apcReturn
        case packetQueued
        case packetDequeued
        case threadCreated
        case threadExited
        case preempt
        case note
        case fault
    }
    public var time: UInt64
    /// Thread id, or nil for the devices and the kernel itself.
    public var thread: Int?
    public var action: Action
    /// The Win32 call or kernel activity ("ReadFile", "disk").
    public var name: String
    /// Kernel object ids involved.
    public var objects: [Int]
    /// Arguments, already rendered ("h=0x8 off=65536 len=4096").
    public var detail: String
    /// Outcome, already rendered ("pending", "1", "WAIT_TIMEOUT").
    public var result: String
    /// For `.call` and `.wake`: the service's return value and the thread's
    /// last error after it, as numbers (metrics need not parse `result`).
    public var returnValue: UInt64?
    public var lastError: UInt32?
    /// A second thread the detail speaks of (the thread a completion or an
    /// APC is for, the one that preempted): a value, so each view names it
    /// as it names every thread. `detail` holds `mentionMark` where it goes.
    public var mentionedThread: Int?
    /// Where `mentionedThread` goes in `detail`.
    public static let mentionMark: Character = "\u{1}"

    public init(time: UInt64, thread: Int?, action: Action, name: String, objects: [Int] = [],
                detail: String = "", result: String = "", returnValue: UInt64? = nil, lastError: UInt32? = nil,
                mentionedThread: Int? = nil) {
        self.time = time; self.thread = thread; self.action = action; self.name = name
        self.objects = objects; self.detail = detail; self.result = result
        self.returnValue = returnValue; self.lastError = lastError; self.mentionedThread = mentionedThread
    }

    /// The stable one-line rendering.
    public var line: String { line(threadName: { "T\($0)" }) }

    /// The line with the acting thread, and any thread the detail mentions,
    /// named by `threadName` (the screen's log names them as every pane
    /// does; `--trace` keeps the id).
    public func line(threadName: (Int) -> String) -> String {
        var s = "t=\(time)us "
        s += thread.map(threadName) ?? "--"
        s += " "
        switch action {
        case .call, .block, .wake: s += name
        default: s += "\(action.rawValue) \(name)"
        }
        if !detail.isEmpty { s += " " + detail(threadName: threadName) }
        if !result.isEmpty { s += " -> " + result }
        return s
    }

    /// The detail with the mentioned thread named by `threadName`.
    public func detail(threadName: (Int) -> String) -> String {
        guard let mentioned = mentionedThread else { return detail }
        return detail.split(separator: Self.mentionMark, omittingEmptySubsequences: false)
            .joined(separator: threadName(mentioned))
    }
}

extension Sequence where Element == TraceEvent {
    /// The events as text, one line per event.
    public var text: String {
        var out = ""
        for e in self { out += e.line; out += "\n" }
        return out
    }
}
