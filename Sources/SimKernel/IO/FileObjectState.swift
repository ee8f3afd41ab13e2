import DequeModule

/// An open instance of a file (NT FILE_OBJECT).
struct FileObjectState: Sendable {
    var node: Int
    var process: Int
    var path: String
    var canRead: Bool
    var canWrite: Bool
    var canDelete: Bool
    /// Execute access: no reads through it, but share checks treat it as reading data.
    var canExecute = false
    var shareMode: UInt32
    var overlapped: Bool
    var noBuffering: Bool
    var signaled: Bool = true
    var position: UInt64 = 0
    var port: ObjectID?
    var key: UInt64 = 0
    var modes: UInt8 = 0
    /// A synchronous file object serializes its requests (rule 1).
    var syncBusy: Bool = false
    var syncQueue: Deque<RequestID> = []
    var closed: Bool = false
    /// Requests issued on this file object and not yet complete.
    var requestsInFlight = 0
    var hasDataAccess: Bool { canRead || canWrite || canDelete || canExecute }

    /// The scalar fields only. Binding a whole `FileObjectState` while
    /// mutating `files` would make its collections copy on write.
    struct Summary {
        var node: Int, canRead: Bool, canWrite: Bool, overlapped: Bool, noBuffering: Bool, position: UInt64
        var port: ObjectID?
    }
    var summary: Summary {
        Summary(node: node, canRead: canRead, canWrite: canWrite, overlapped: overlapped, noBuffering: noBuffering,
                position: position, port: port)
    }
}
