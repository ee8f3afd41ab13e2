/// The I/O requests in flight, by request id.
///
/// Ids only grow and requests finish roughly in issue order, so the table is
/// a list of fixed-size chunks of consecutive ids: a lookup is two array
/// indexes, growing adds a chunk and never moves what is stored (a
/// dictionary holding 100,000 requests rehashed them all in one kernel step,
/// 30 ms), and a chunk whose requests have all been issued and finished is
/// freed. Reads of an id it does not hold give nil, like a dictionary.
/// Chunks are small (64 requests) because copying the kernel (the UI tries
/// each step on a copy, and keeps snapshots) shares them, and the first
/// write after a copy duplicates the chunk it lands in.
///
/// `summary` reads in place and `update` changes a held request in place: a request is
/// a large value, and copying it out and back on every field change cost
/// more than the rest of the bookkeeping.
struct RequestTable: Sendable {
    static let chunkShift = 6
    static let chunkSize = 1 << chunkShift

    /// Chunk k holds ids k·chunkSize ..< (k+1)·chunkSize; an empty array is a chunk not (or no longer) needed.
    private var chunks: [[IORequest?]] = []
    /// Requests held per chunk.
    private var liveInChunk: [Int] = []
    /// The highest id ever stored: chunks wholly below it are never written again once empty.
    private var highestId = -1
    /// Requests held.
    private(set) var count = 0

    init() {}

    subscript(id: Int) -> IORequest? {
        get {
            guard id >= 0, case let c = id >> Self.chunkShift, c < chunks.count, !chunks[c].isEmpty else { return nil }
            return chunks[c][id & (Self.chunkSize - 1)]
        }
        _modify {
            var value = take(id)
            yield &value
            if let value { put(value, id) }
        }
    }

    /// Whether a request with `id` is held.
    func contains(_ id: Int) -> Bool {
        guard id >= 0, case let c = id >> Self.chunkShift, c < chunks.count, !chunks[c].isEmpty else { return false }
        if case .some = chunks[c][id & (Self.chunkSize - 1)] { return true }
        return false
    }

    /// The scalar fields of request `id`, read in place (no copy of its data).
    @inline(__always)
    func summary(_ id: Int) -> IORequest.Summary? {
        guard id >= 0, case let c = id >> Self.chunkShift, c < chunks.count, !chunks[c].isEmpty else { return nil }
        return chunks[c][id & (Self.chunkSize - 1)]?.summary
    }

    /// Changes the held request `id` in place; does nothing if it is not held.
    mutating func update(_ id: Int, _ body: (inout IORequest) -> Void) {
        guard contains(id) else { return }
        body(&chunks[id >> Self.chunkShift][id & (Self.chunkSize - 1)]!)
    }

    /// Stores `request` under `id` (replacing any request held there).
    mutating func put(_ request: IORequest, _ id: Int) {
        guard id >= 0 else { return }
        let c = id >> Self.chunkShift
        let i = id & (Self.chunkSize - 1)
        if c >= chunks.count {
            chunks.append(contentsOf: repeatElement([], count: c - chunks.count + 1))
            liveInChunk.append(contentsOf: repeatElement(0, count: c - liveInChunk.count + 1))
        }
        if chunks[c].isEmpty { chunks[c] = Array(repeating: nil, count: Self.chunkSize) }
        if case .none = chunks[c][i] {
            count += 1
            liveInChunk[c] += 1
            highestId = max(highestId, id)
        }
        chunks[c][i] = request
    }

    /// Removes and returns the request with `id`, if held.
    mutating func take(_ id: Int) -> IORequest? {
        guard contains(id) else { return nil }
        let c = id >> Self.chunkShift
        var taken: IORequest? = nil
        swap(&taken, &chunks[c][id & (Self.chunkSize - 1)])
        count -= 1
        liveInChunk[c] -= 1
        if liveInChunk[c] == 0 && c < highestId >> Self.chunkShift { chunks[c] = [] }
        return taken
    }

    /// Removes and returns the request with `id`, if held.
    mutating func removeValue(forKey id: Int) -> IORequest? { take(id) }
}
