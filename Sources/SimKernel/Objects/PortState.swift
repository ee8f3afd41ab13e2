import DequeModule

/// An I/O completion port: NT's KQUEUE plus its associations.
struct PortState: Sendable {
    var limit: Int
    var running: Int = 0
    var packets: Deque<CompletionPacket> = []
    /// Blocked GetQueuedCompletionStatus callers; the newest is last (LIFO).
    var waiters: [WaitEntry] = []
    /// Associated threads, in association order. Entries of threads that
    /// left (`associatedPort` no longer this port) are dropped lazily; every
    /// reader skips them.
    var associated: [ThreadID] = []
    /// How many entries of `associated` may be such leftovers.
    var staleAssociations = 0
    var devices: [PortView.Device] = []
    var closed: Bool = false

    /// The running count is below the limit: a thread may be released.
    var hasRoom: Bool { running < limit }
    /// Open, with a packet queued and room to release a waiter with it.
    var canRelease: Bool { !closed && !packets.isEmpty && running < limit }
}

/// A completion packet (NT: a KQUEUE entry).
struct CompletionPacket: Sendable, Equatable {
    var bytes: UInt32
    var key: UInt64
    var overlapped: UInt64
    var status: UInt32
    var posted: Bool
    var queuedAt: UInt64
}
