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
            guard id >= 0 else { return nil }
            let c = id >> Self.chunkShift
            guard c < chunks.count, !chunks[c].isEmpty else { return nil }
            return chunks[c][id & (Self.chunkSize - 1)]
        }
        _modify {
            if id < 0 {
                var absent: IORequest? = nil
                yield &absent
            } else {
                let c = id >> Self.chunkShift
                let i = id & (Self.chunkSize - 1)
                if c >= chunks.count {
                    chunks.append(contentsOf: repeatElement([], count: c - chunks.count + 1))
                    liveInChunk.append(contentsOf: repeatElement(0, count: c - liveInChunk.count + 1))
                }
                if chunks[c].isEmpty { chunks[c] = Array(repeating: nil, count: Self.chunkSize) }
                let wasHeld = chunks[c][i] != nil
                yield &chunks[c][i]
                let isHeld = chunks[c][i] != nil
                if isHeld && !wasHeld {
                    count += 1
                    liveInChunk[c] += 1
                    highestId = max(highestId, id)
                } else if wasHeld && !isHeld {
                    count -= 1
                    liveInChunk[c] -= 1
                }
                if liveInChunk[c] == 0 && c < highestId >> Self.chunkShift { chunks[c] = [] }
            }
        }
    }

    /// Removes and returns the request with `id`, if held.
    mutating func removeValue(forKey id: Int) -> IORequest? {
        guard let request = self[id] else { return nil }
        self[id] = nil
        return request
    }
}
