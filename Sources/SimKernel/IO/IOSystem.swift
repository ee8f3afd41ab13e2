import DequeModule

/// The I/O side of the machine: the volume and its page cache, the open
/// file objects, the requests in flight and the disk that serves them.
///
/// It holds what a request needs from issue to completion and answers what
/// only it knows (whether a request can finish at once, whether the volume
/// has room); completing a request, which writes program memory and
/// notifies events, threads and ports, is `Kernel`'s (`Kernel+IO`).
struct IOSystem: Sendable {
    var volume = Volume()
    /// The volume's size: the files the machine starts with plus the free
    /// space of `KernelLimits.volumeFreeBytes`.
    var volumeCapacity: UInt64 = 0
    var cache: PageCache
    /// Open file objects, by object id.
    var files = ObjectTable<FileObjectState>()
    var requests = RequestTable()
    /// Request ids in issue order (ids only grow); completed ones are
    /// dropped lazily, so the view lists requests without sorting.
    private(set) var requestOrder: [RequestID] = []
    private var nextRequest = 1
    /// Synchronous file objects whose request queue is being drained.
    var drainingFiles: Set<ObjectID> = []
    /// Transfers the disk is working on, and those queued behind them (FIFO).
    var diskInService = 0
    var diskQueue: Deque<RequestID> = []

    init(cacheBytes: UInt64) {
        cache = PageCache(capacityBytes: cacheBytes)
    }

    /// The id the next request gets (ids are issued once, in order).
    mutating func newRequestID() -> RequestID {
        defer { nextRequest += 1 }
        return RequestID(nextRequest)
    }

    /// Holds a request just issued.
    mutating func add(_ request: consuming IORequest) {
        let id = request.id
        requests.put(request, id)
        requestOrder.append(id)
        if requestOrder.count > 64 && requestOrder.count > 2 * requests.count {
            requestOrder.removeAll { !requests.contains($0) }
        }
    }

    /// The requests in flight that `matches` accepts, in issue order.
    func inFlight(where matches: (IORequest) -> Bool) -> [RequestID] {
        requestOrder.filter { id in requests.read(id, matches) ?? false }
    }

    /// False when growing `node`'s file to `end` bytes would pass the
    /// volume's capacity (`ERROR_DISK_FULL`); shrinking always fits.
    func volumeHasRoom(node: Int, end: UInt64) -> Bool {
        let size = volume.size(ofNode: node) ?? 0
        guard end > size else { return true }
        return end - size <= volumeCapacity &- min(volumeCapacity, volume.usedBytes)
    }

    /// The result of a request that completes without waiting (rule 13), if any.
    @inline(__always)
    func immediateResult(_ id: RequestID) -> (UInt32, UInt64)? {
        guard let req = requests.read(id, { $0.summary }), let noBuffering = files.read(req.fileObject, { $0.noBuffering }) else { return nil }
        let size = volume.size(ofNode: req.node) ?? 0
        if req.length == 0 { return (Win32.STATUS_SUCCESS, 0) }
        switch req.operation {
        case .read:
            if req.offset >= size {
                // Rule 11: synchronous handles learn of EOF at once; overlapped ones pend.
                return req.synchronousHandle ? (Win32.STATUS_END_OF_FILE, 0) : nil
            }
            let n = min(UInt64(req.length), size - req.offset)
            if !noBuffering && cache.contains(node: req.node, offset: req.offset, length: n) {
                return (Win32.STATUS_SUCCESS, n)
            }
            return nil
        case .write:
            // The file system extends files synchronously.
            if req.offset + UInt64(req.length) > size { return (Win32.STATUS_SUCCESS, UInt64(req.length)) }
            return nil
        }
    }
}
