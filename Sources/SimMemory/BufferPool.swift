/// The watch set's buffers of requests in flight, each in a numbered slot
/// that the request keeps, so completing it goes straight to its range.
/// A free slot is empty (`end == base`) and kept on a stack for reuse, so
/// the pool never grows past the most buffers held at once.
///
/// Like `OverlappedTable`, the slots live in memory the pool manages itself
/// (its owner calls `copy()` and `deallocate()`): every request takes and
/// gives back a slot, and array storage would check uniqueness and bounds
/// on each write.
struct BufferPool {
    private var ranges: UnsafeMutablePointer<WatchSet.Range>
    private var freeSlots: UnsafeMutablePointer<Int32>
    private var capacity: Int
    /// Slots handed out at least once: `0 ..< used`.
    private var used = 0
    private var freeCount = 0
    /// Buffers held.
    private(set) var count = 0

    init() {
        capacity = 16
        ranges = .allocate(capacity: capacity)
        freeSlots = .allocate(capacity: capacity)
    }

    func copy() -> BufferPool {
        var other = self
        other.ranges = .allocate(capacity: capacity)
        other.ranges.initialize(from: ranges, count: used)
        other.freeSlots = .allocate(capacity: capacity)
        other.freeSlots.initialize(from: freeSlots, count: freeCount)
        return other
    }

    func deallocate() {
        ranges.deallocate()
        freeSlots.deallocate()
    }

    /// The range in slot `s` (empty when the slot is free); `s` below `used`.
    @inline(__always)
    subscript(s: Int32) -> WatchSet.Range { ranges[Int(s)] }

    /// Holds `range`; the slot it is in.
    @inline(__always)
    mutating func add(_ range: WatchSet.Range) -> Int32 {
        let s: Int32
        if freeCount > 0 {
            freeCount -= 1
            s = freeSlots[freeCount]
        } else {
            if used == capacity { grow() }
            s = Int32(used)
            used += 1
        }
        ranges[Int(s)] = range
        count += 1
        return s
    }

    /// Empties slot `s` if it holds `request`'s buffer; the range it held.
    @inline(__always)
    mutating func remove(_ s: Int32, request: Int) -> WatchSet.Range? {
        guard s >= 0, Int(s) < used else { return nil }
        let r = ranges[Int(s)]
        guard r.request == request, r.end > r.base else { return nil }
        ranges[Int(s)].end = r.base
        freeSlots[freeCount] = s
        freeCount += 1
        count -= 1
        return r
    }

    /// Every buffer held, with its slot.
    func forEach(_ body: (Int32, WatchSet.Range) -> Void) {
        for s in 0 ..< used where ranges[s].end > ranges[s].base { body(Int32(s), ranges[s]) }
    }

    @inline(never)
    private mutating func grow() {
        let bigger = capacity * 2
        let grownRanges = UnsafeMutablePointer<WatchSet.Range>.allocate(capacity: bigger)
        grownRanges.moveInitialize(from: ranges, count: used)
        ranges.deallocate()
        ranges = grownRanges
        let grownFree = UnsafeMutablePointer<Int32>.allocate(capacity: bigger)
        grownFree.moveInitialize(from: freeSlots, count: freeCount)
        freeSlots.deallocate()
        freeSlots = grownFree
        capacity = bigger
    }
}
