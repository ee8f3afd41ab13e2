/// The I/O requests in flight, by request id.
///
/// Ids only grow and requests finish roughly in issue order, so the table is
/// a list of fixed-size chunks of consecutive ids: a lookup is two array
/// indexes, growing adds a chunk and never moves what is stored (a
/// dictionary rehashes everything it holds as it grows, all in one kernel
/// step), and a chunk whose requests have all been issued and finished is
/// freed. It is read and changed as `ObjectTable` is:
/// `requests.read(id) { … }` (nil when not held) and `requests.update(id) { … }`.
/// Chunks are small (64 requests) because copying the kernel (the UI tries
/// each step on a copy, and keeps snapshots) shares them, and the first
/// write after a copy duplicates the chunk it lands in.
///
/// Slots hold plain (non-optional) requests and one bit per slot says which
/// are live: a request is a large value, and wrapping it in an optional
/// moves it through temporaries on every store and removal.
///
/// Invariant: bit `i` of `occupied[c]` is set exactly when slot `i` of chunk
/// `c` holds a live request; a vacant slot holds `IORequest.vacant` (or a
/// finished request whose data was dropped).
struct RequestTable: Sendable {
    static let chunkShift = 6
    static let chunkSize = 1 << chunkShift

    /// Chunk k holds ids k·chunkSize ..< (k+1)·chunkSize; an empty array is a chunk not (or no longer) needed.
    private var chunks: [[IORequest]] = []
    /// Per chunk, one bit per slot: set while the slot holds a request (64 slots, one word).
    private var occupied: [UInt64] = []
    /// The highest id ever stored: chunks wholly below it are never written again once empty.
    private var highestId = -1
    /// Requests held.
    private(set) var count = 0

    init() {}

    /// What `body` makes of request `id`, read in place (its data is not
    /// copied); nil, and `body` is not called, if it is not held.
    @inline(__always)
    func read<R>(_ id: RequestID, _ body: (IORequest) -> R) -> R? {
        guard contains(id) else { return nil }
        return body(chunks[id.rawValue >> Self.chunkShift][id.rawValue & (Self.chunkSize - 1)])
    }

    /// Whether a request with `id` is held.
    @inline(__always)
    func contains(_ id: RequestID) -> Bool {
        let i = id.rawValue
        guard i >= 0, case let c = i >> Self.chunkShift, c < occupied.count else { return false }
        return occupied[c] & (1 << UInt64(i & (Self.chunkSize - 1))) != 0
    }

    /// Changes the held request `id` in place; does nothing if it is not held.
    @inline(__always)
    mutating func update(_ id: RequestID, _ body: (inout IORequest) -> Void) {
        guard contains(id) else { return }
        body(&chunks[id.rawValue >> Self.chunkShift][id.rawValue & (Self.chunkSize - 1)])
    }

    /// Stores `request` under `id` (replacing any request held there).
    mutating func put(_ request: consuming IORequest, _ requestID: RequestID) {
        let id = requestID.rawValue
        guard id >= 0 else { return }
        let c = id >> Self.chunkShift
        let bit: UInt64 = 1 << UInt64(id & (Self.chunkSize - 1))
        if c >= chunks.count {
            chunks.append(contentsOf: repeatElement([], count: c - chunks.count + 1))
            occupied.append(contentsOf: repeatElement(0, count: c - occupied.count + 1))
        }
        if chunks[c].isEmpty { chunks[c] = Array(repeating: IORequest.vacant, count: Self.chunkSize) }
        // Ids moving past the chunk of the highest id: that chunk is never
        // written again, and if its requests all finished while it was the
        // newest (one request at a time), `remove` could not free it then.
        let top = highestId >> Self.chunkShift
        if highestId >= 0, c > top, occupied[top] == 0 { chunks[top] = [] }
        if occupied[c] & bit == 0 {
            count += 1
            occupied[c] |= bit
            highestId = max(highestId, id)
        }
        chunks[c][id & (Self.chunkSize - 1)] = request
    }

    /// Moves the write data out of request `id` (empty if it is not held).
    mutating func takeWriteData(_ id: RequestID) -> [UInt8] {
        guard contains(id) else { return [] }
        var data: [UInt8] = []
        swap(&data, &chunks[id.rawValue >> Self.chunkShift][id.rawValue & (Self.chunkSize - 1)].writeData)
        return data
    }

    /// Forgets request `id`; returns whether it was held.
    @discardableResult
    mutating func remove(_ requestID: RequestID) -> Bool {
        guard contains(requestID) else { return false }
        let id = requestID.rawValue
        let c = id >> Self.chunkShift
        occupied[c] &= ~(1 << UInt64(id & (Self.chunkSize - 1)))
        count -= 1
        if occupied[c] == 0 && c < highestId >> Self.chunkShift {
            chunks[c] = []
        } else {
            // The slot keeps its scalars until reused; only the buffer is let go.
            chunks[c][id & (Self.chunkSize - 1)].writeData = []
        }
        return true
    }
}
