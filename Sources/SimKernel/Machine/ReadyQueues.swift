import DequeModule

/// The dispatcher's ready queues: one FIFO per priority level (0...31) and a
/// bit summary of the non-empty ones, as NT keeps them, so finding the
/// highest-priority ready thread costs O(1) however many threads are ready.
///
/// Invariant: bit `p` of `summary` is set exactly when `lists[p]` is not
/// empty; `count` is the total number of entries.
struct ReadyQueues: Sendable {
    static let levels = 32
    private var lists: [Deque<ThreadID>] = Array(repeating: [], count: ReadyQueues.levels)
    private var summary: UInt32 = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The highest priority with a ready thread, nil when none is ready.
    var highestPriority: Int? { summary == 0 ? nil : 31 - summary.leadingZeroBitCount }

    /// Appends at the tail of its priority (a thread readied or at quantum end).
    mutating func append(_ thread: ThreadID, priority: Int) {
        let p = Self.clamp(priority)
        lists[p].append(thread)
        summary |= 1 << UInt32(p)
        count += 1
    }

    /// Puts a preempted thread at the head of its priority: it lost the CPU
    /// through no fault of its own, so it runs first among its equals.
    mutating func prepend(_ thread: ThreadID, priority: Int) {
        let p = Self.clamp(priority)
        lists[p].prepend(thread)
        summary |= 1 << UInt32(p)
        count += 1
    }

    /// Removes and returns the first thread of the highest non-empty priority.
    mutating func popHighest() -> ThreadID? {
        guard let p = highestPriority else { return nil }
        let thread = lists[p].removeFirst()
        if lists[p].isEmpty { summary &= ~(1 << UInt32(p)) }
        count -= 1
        return thread
    }

    /// Removes a thread that stopped being ready without being dispatched
    /// (it was terminated). Linear in its priority's list; rare.
    mutating func remove(_ thread: ThreadID, priority: Int) {
        let p = Self.clamp(priority)
        guard let i = lists[p].firstIndex(of: thread) else { return }
        lists[p].remove(at: i)
        if lists[p].isEmpty { summary &= ~(1 << UInt32(p)) }
        count -= 1
    }

    private static func clamp(_ p: Int) -> Int { min(max(p, 0), levels - 1) }
}
