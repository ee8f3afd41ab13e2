/// Why and how a thread is blocked.
struct WaitBlock: Sendable {
    var objects: [ObjectID]
    var waitAll: Bool
    var alertable: Bool
    var deadline: UInt64?
    var call: String
    var continuation: WaitContinuation
    var generation: UInt64 = 0
    /// Port whose running count this wait decremented (rule 31).
    var countedDownPort: ObjectID?
    /// Set for GetQueuedCompletionStatus(Ex) waits.
    var port: ObjectID?
    /// Set for a synchronous-handle request the thread waits for.
    var request: RequestID?
}

/// How a wait turns into the service's return value when it ends.
enum WaitContinuation: Sendable, Equatable {
    case waitStatus
    case sleep(ex: Bool)
    case overlappedResult(overlapped: UInt64, bytesOut: UInt64, ex: Bool)
    case dequeue(bytesOut: UInt64, keyOut: UInt64, overlappedOut: UInt64)
    case dequeueEx(entries: UInt64, count: UInt32, removedOut: UInt64)
    case synchronousIO(bytesOut: UInt64, withOverlapped: Bool)
}

/// How a wait ended.
enum WaitOutcome: Sendable {
    case object(index: Int, abandoned: Bool)
    case timeout
    case userAPC
    /// One packet: what a GetQueuedCompletionStatus wait gets (no array to build).
    case packet(CompletionPacket)
    /// Up to the caller's count (GetQueuedCompletionStatusEx).
    case packets([CompletionPacket])
    case portClosed
    case ioDone(status: UInt32, bytes: UInt64)
}

/// An entry in an object's (or port's) list of blocked threads.
struct WaitEntry: Sendable, Equatable {
    var thread: ThreadID
    var generation: UInt64
}
