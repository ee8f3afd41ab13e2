/// What the kernel remembers, in traced runs only, about why things
/// happened: who started each request and when it finished, who last
/// signaled each object, and what ended each thread's last wait. `Kernel.why`
/// turns it into a chain of causes.
///
/// Kept small for copying (the UI copies the kernel for every step it
/// tries and keeps snapshots): per-request records live in fixed-size chunks
/// so recording one copies one chunk, not the whole history. Only the
/// newest `keptRequests` requests' records are kept, so a long run's memory
/// stays flat; a chain that reaches an older request says it was not kept.
struct CauseBook: Sendable {
    struct Origin: Sendable {
        var thread: ThreadID
        var call: String
        var time: UInt64
        var location: CodeLocation?
        /// When the device or file system finished it (nil while in flight).
        var finished: UInt64?
        var status: UInt32 = 0
    }

    struct Signal: Sendable {
        var time: UInt64
        /// A thread that signaled it (SetEvent, ReleaseSemaphore…, exiting), or
        var thread: ThreadID?
        /// the request whose completion did.
        var request: RequestID?
        var location: CodeLocation?
    }

    /// How a thread's last wait ended.
    enum How: Sendable {
        case object(ObjectID)
        case timeout
        case apc(request: RequestID?)
        case packet(request: RequestID?, port: ObjectID, queuedAt: UInt64, waiters: Int, running: Int, limit: Int)
        case portClosed
        case io(request: RequestID?)
    }

    struct Wake: Sendable {
        var time: UInt64
        var call: String
        var location: CodeLocation?
        var how: How
    }

    static let chunkShift = 8
    /// How many of the newest requests' origins are kept (whole chunks).
    static let keptRequests = 1 << 16
    private var origins: [[Origin?]] = []
    /// The request that last completed with each OVERLAPPED (packets and completion routines name only that).
    var byOverlapped: [UInt64: RequestID] = [:]
    var signals: [ObjectID: Signal] = [:]
    var wakes: [ThreadID: Wake] = [:]

    /// Whether `request` is older than the requests whose origins are kept.
    func forgot(_ request: RequestID) -> Bool {
        let id = request.rawValue
        let c = id >> Self.chunkShift
        return id > 0 && c < origins.count && origins[c].isEmpty && c < origins.count - (Self.keptRequests >> Self.chunkShift)
    }

    func origin(_ request: RequestID) -> Origin? {
        let id = request.rawValue
        let c = id >> Self.chunkShift
        guard id >= 0, c < origins.count, !origins[c].isEmpty else { return nil }
        return origins[c][id & ((1 << Self.chunkShift) - 1)]
    }

    mutating func setOrigin(_ request: RequestID, _ origin: Origin) {
        let id = request.rawValue
        let c = id >> Self.chunkShift
        while origins.count <= c { origins.append([]) }
        let oldestKept = c - Self.keptRequests >> Self.chunkShift
        if oldestKept > 0, !origins[oldestKept - 1].isEmpty { origins[oldestKept - 1] = [] }
        if origins[c].isEmpty { origins[c] = Array(repeating: nil, count: 1 << Self.chunkShift) }
        origins[c][id & ((1 << Self.chunkShift) - 1)] = origin
    }

    mutating func finish(_ request: RequestID, at time: UInt64, status: UInt32) {
        let id = request.rawValue
        let c = id >> Self.chunkShift
        guard id >= 0, c < origins.count, !origins[c].isEmpty else { return }
        origins[c][id & ((1 << Self.chunkShift) - 1)]?.finished = time
        origins[c][id & ((1 << Self.chunkShift) - 1)]?.status = status
    }
}
