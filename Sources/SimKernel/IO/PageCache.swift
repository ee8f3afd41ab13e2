import DequeModule

/// Which 64 KiB blocks of which files are in memory, for buffered handles.
/// Presence only: the data always lives in the volume, so the cache can never
/// disagree with it. Eviction is least-recently-used.
struct PageCache: Sendable {
    static let blockSize: UInt64 = 64 * 1024
    struct Key: Hashable, Sendable { var node: Int; var block: UInt64 }
    let capacity: Int
    private var stamps: [Key: UInt64] = [:]
    /// Touch history; entries whose stamp is stale are skipped on eviction.
    private var history: Deque<(key: Key, stamp: UInt64)> = []
    private var clock: UInt64 = 0

    init(capacityBytes: UInt64) { capacity = Int(capacityBytes / PageCache.blockSize) }

    var residentBlocks: Int { stamps.count }

    func contains(node: Int, offset: UInt64, length: UInt64) -> Bool {
        guard capacity > 0, length > 0 else { return false }
        var block = offset / PageCache.blockSize
        let last = (offset + length - 1) / PageCache.blockSize
        while block <= last {
            if stamps[Key(node: node, block: block)] == nil { return false }
            block += 1
        }
        return true
    }

    mutating func insert(node: Int, offset: UInt64, length: UInt64) {
        guard capacity > 0, length > 0 else { return }
        var block = offset / PageCache.blockSize
        let last = (offset + length - 1) / PageCache.blockSize
        while block <= last {
            clock += 1
            let key = Key(node: node, block: block)
            stamps[key] = clock
            history.append((key, clock))
            block += 1
        }
        while stamps.count > capacity, let oldest = history.popFirst() {
            if stamps[oldest.key] == oldest.stamp { stamps[oldest.key] = nil }
        }
        // Keep the history bounded when the same blocks are touched repeatedly.
        if history.count > 4 * max(capacity, 16) {
            history = Deque(history.filter { stamps[$0.key] == $0.stamp })
        }
    }

    /// Forgets a file's blocks at and past `offset` (truncation, deletion).
    mutating func drop(node: Int, from offset: UInt64) {
        let first = offset / PageCache.blockSize
        for key in stamps.keys where key.node == node && key.block >= first { stamps[key] = nil }
    }
}
