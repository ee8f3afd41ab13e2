import SimKernel

/// The "Why" overlay's content: the things of the pane it can explain
/// (Tab cycles through them), the causal chain of the current one, newest
/// first, and which link is chosen (Enter steps back to its moment).
public struct WhyState: Sendable, Equatable {
    /// The pane asked about.
    public var pane: Int
    /// What Tab cycles through, as the pane showed it when `w` was pressed:
    /// the selected thread first.
    public var topics: [WhyTopic]
    /// Which of `topics` is explained.
    public var current: Int = 0
    public var links: [CauseLink]
    public var selected: Int = 0

    public init(pane: Int, topics: [WhyTopic], links: [CauseLink]) {
        self.pane = pane; self.topics = topics; self.links = links
    }

    /// The thing explained now.
    public var topic: WhyTopic? { topics.indices.contains(current) ? topics[current] : nil }

    public mutating func move(by delta: Int) {
        guard !links.isEmpty else { return }
        selected = min(links.count - 1, max(0, selected + delta))
    }
}
