import SimKernel

/// The "Why" overlay's content: the causal chain of one thread's last wake,
/// newest first, and which link is chosen (Enter steps back to its moment).
public struct WhyState: Sendable, Equatable {
    /// The pane and thread asked about.
    public var pane: Int
    public var thread: Int
    public var subject: String
    public var links: [CauseLink]
    public var selected: Int = 0

    public init(pane: Int, thread: Int, subject: String, links: [CauseLink]) {
        self.pane = pane; self.thread = thread; self.subject = subject; self.links = links
    }

    public mutating func move(by delta: Int) {
        guard !links.isEmpty else { return }
        selected = min(links.count - 1, max(0, selected + delta))
    }
}
