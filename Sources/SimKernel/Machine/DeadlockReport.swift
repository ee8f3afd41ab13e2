/// What the kernel found when it reported a deadlock.
public struct DeadlockReport: Sendable, Equatable, CustomStringConvertible {
    public struct Entry: Sendable, Equatable {
        public var thread: Int
        public var name: String
        public var waiting: WaitView
    }
    public var time: UInt64
    public var threads: [Entry]

    /// Several lines: a headline, then one line per blocked thread.
    public var description: String {
        var lines = ["deadlock at t=\(time)us: every live thread is blocked and nothing pending can wake one"]
        for e in threads {
            let what: String
            switch e.waiting.reason {
            case .objects(let refs, let all):
                what = (refs.count > 1 ? (all ? "all of " : "any of ") : "") + refs.map(\.label).joined(separator: ", ")
            case .sleep: what = "sleep"
            case .completionPort(let p): what = p.label
            case .synchronousIO(let f): what = "I/O on " + f.label
            }
            lines.append("  T\(e.thread) (\(e.name)) in \(e.waiting.call) on \(what)\(e.waiting.alertable ? ", alertable" : "")")
        }
        return lines.joined(separator: "\n")
    }
}
