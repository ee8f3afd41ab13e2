/// The parts of an address space that a pending I/O request owns, so the
/// program touching them can be caught as it happens: the `OVERLAPPED` of a
/// request in flight (the program must not write it), the buffer of a
/// pending read (must not be read before the read completed) and every
/// buffer in flight (must not be freed).
///
/// The kernel adds a request's ranges when it starts the request and removes
/// them, by the slots `add` returned, when it completes; the VM asks before
/// loads and stores. Both must cost almost nothing, since every request and
/// every access pays them:
/// - adding and removing touch a slot in an array and, for an `OVERLAPPED`,
///   one entry of a hash table keyed by its address (a new request is asked
///   about by that address too);
/// - each kind of access has one bounding interval (`bounds`) checked with a
///   subtraction and a compare; only an access inside it looks further;
/// - buffers are found by address through an index by 4 KiB page that is
///   built only when a lookup first needs it with many buffers held, since
///   most programs never read or free a buffer while it is in flight.
/// The bounds only grow while anything is watched and reset when nothing is:
/// a superset is always safe, just slower.
///
/// Where several ranges answer a question, the oldest request's is the
/// answer, however it was found.
///
/// Part of `Memory` because the kernel (which knows the requests) and the VM
/// (which does the accesses) share nothing else; it is not part of the
/// memory's contents (`==` ignores it).
public struct WatchSet: Sendable {
    /// What a watched range is to its request.
    public enum Role: UInt8, Sendable, Equatable {
        case overlapped, readBuffer, writeBuffer
    }

    public struct Range: Sendable, Equatable {
        public var base: UInt64
        public var end: UInt64
        public var role: Role
        /// The kernel's request id.
        public var request: Int
        public init(base: UInt64, end: UInt64, role: Role, request: Int) {
            self.base = base; self.end = end; self.role = role; self.request = request
        }
    }

    /// Where `add` keeps a range; `remove` takes it back by this and the
    /// range's base and request, which the kernel has at hand, so removing
    /// reads nothing that has gone cold in the cache since the request
    /// started. Four bytes: every request in flight holds two.
    public struct Slot: Sendable, Equatable {
        /// The buffer's place in the pool; for an `OVERLAPPED`, `indexed` or `listed`.
        fileprivate var index: Int32
        fileprivate static let indexed = Slot(index: -2)
        fileprivate static let listed = Slot(index: -3)
        /// No range (an empty one was not added).
        public static let none = Slot(index: -1)
    }

    /// How the program touched a watched range.
    public enum Access: UInt8, Sendable, Equatable {
        case store, load, free, frameReturn
    }

    /// One access to a watched range, with where in the program it was
    /// (line 0 when the caller did not know; the runtime fills it in).
    public struct Hit: Sendable, Equatable {
        public var access: Access
        public var address: UInt64
        public var range: Range
        public var line: Int
        public var column: Int
        public init(access: Access, address: UInt64, range: Range, line: Int = 0, column: Int = 0) {
            self.access = access; self.address = address; self.range = range; self.line = line; self.column = column
        }
    }

    /// The intervals the VM tests before looking further, and whether hits
    /// wait to be collected: plain words, so reading them copies nothing.
    public struct Bounds: Sendable, Equatable {
        /// Stores at `storeBase ..< storeBase+storeSpan` may hit an `OVERLAPPED`.
        public var storeBase: UInt64 = 0
        public var storeSpan: UInt64 = 0
        /// Loads at `loadBase ..< loadBase+loadSpan` may hit a pending read's buffer.
        public var loadBase: UInt64 = 0
        public var loadSpan: UInt64 = 0
        /// Any range at all lies in `anyBase ..< anyBase+anySpan`.
        public var anyBase: UInt64 = 0
        public var anySpan: UInt64 = 0
        public var hasHits = false
        public init() {}
    }

    public private(set) var bounds = Bounds()
    /// `OVERLAPPED`s by the 32-byte block their first byte is in: two that
    /// do not overlap never share one, so a block has one at most, and the
    /// one holding an address starts in its block or the block before. The
    /// entry holds the range itself: a lookup touches one cache line.
    private var overlappedAt = AddressIndex<Range>()
    /// The other `OVERLAPPED`s: one overlapping another in flight (a misuse
    /// the kernel reports) or not 32 bytes long. Few, so a list.
    private var otherOverlappeds: [Range] = []
    private(set) var overlappedCount = 0
    static let overlappedSize: UInt64 = 32
    static let blockShift: UInt64 = 5
    /// The buffers held, by slot; a free slot is empty (`end == base`) and
    /// listed in `freeSlots` for reuse, so the pool never grows past the most
    /// buffers held at once.
    private var buffers: [Range] = []
    private var freeSlots: [Int32] = []
    private var bufferCount = 0
    /// Buffers by page, once a lookup has needed it (nil until then).
    private var bufferPages: PageLists?
    /// Accesses noticed and not yet collected by the kernel.
    public private(set) var hits: [Hit] = []

    public init() {}

    /// Ranges held.
    public var count: Int { overlappedCount + bufferCount }
    public var isEmpty: Bool { count == 0 }

    /// Holds `range` until `remove` is given the slot returned. For an
    /// `OVERLAPPED`, also the oldest one held at the same address before
    /// (a request reusing the structure of one still in flight).
    @discardableResult
    public mutating func add(_ range: Range) -> (slot: Slot, sameAddress: Range?) {
        guard range.end > range.base else { return (.none, nil) }
        Self.widen(&bounds.anyBase, &bounds.anySpan, range)
        var slot = Slot.listed
        var sameAddress: Range?
        switch range.role {
        case .overlapped:
            let block = range.base >> Self.blockShift
            if range.end - range.base == Self.overlappedSize {
                // One probe both lists it and finds one already there.
                if let existing = overlappedAt.insertIfAbsent(block, range) {
                    if existing.base == range.base { sameAddress = existing }
                } else {
                    slot = Slot.indexed
                }
            } else if let existing = overlappedAt[block], existing.base == range.base {
                sameAddress = existing
            }
            for r in otherOverlappeds where r.base == range.base && Self.older(r, than: sameAddress) { sameAddress = r }
            if slot == Slot.listed { otherOverlappeds.append(range) }
            overlappedCount += 1
            Self.widen(&bounds.storeBase, &bounds.storeSpan, range)
        case .readBuffer, .writeBuffer:
            if let reused = freeSlots.popLast() {
                slot = Slot(index: reused)
                buffers[Int(reused)] = range
            } else {
                slot = Slot(index: Int32(buffers.count))
                buffers.append(range)
            }
            bufferCount += 1
            bufferPages?.add(slot.index, range)
            if range.role == .readBuffer { Self.widen(&bounds.loadBase, &bounds.loadSpan, range) }
        }
        return (slot, sameAddress)
    }

    /// Forgets the range held in `slot`, which starts at `base` and belongs to `request`.
    public mutating func remove(_ slot: Slot, base: UInt64, request: Int) {
        switch slot.index {
        case Slot.indexed.index:
            // Only its own entry (a slot given back twice finds another's or none).
            let block = base >> Self.blockShift
            guard let held = overlappedAt[block], held.request == request, held.base == base else { return }
            overlappedAt.remove(block)
            overlappedCount -= 1
        case Slot.listed.index:
            guard let at = otherOverlappeds.firstIndex(where: { $0.request == request && $0.base == base }) else { return }
            otherOverlappeds.remove(at: at)
            overlappedCount -= 1
        case let s where s >= 0 && Int(s) < buffers.count:
            guard buffers[Int(s)].request == request, buffers[Int(s)].end > buffers[Int(s)].base else { return }
            bufferPages?.remove(s, buffers[Int(s)])
            buffers[Int(s)].end = base
            buffers[Int(s)].base = base
            freeSlots.append(s)
            bufferCount -= 1
        default:
            return
        }
        if count == 0 {
            let pending = bounds.hasHits
            bounds = Bounds()
            bounds.hasHits = pending
            bufferPages = nil
        }
    }

    /// Whether `r` answers better than `best` (the oldest request's range wins).
    private static func older(_ r: Range, than best: Range?) -> Bool {
        best.map { r.request < $0.request } ?? true
    }

    /// The `OVERLAPPED` holding `address`: one starting in its 32-byte block
    /// or the block before, or one of the others.
    private func overlapped(holding address: UInt64) -> Range? {
        guard overlappedCount > 0 else { return nil }
        var best: Range?
        let block = address >> Self.blockShift
        if let r = overlappedAt[block], r.base <= address { best = r }
        if block > 0, let r = overlappedAt[block - 1], address < r.end, Self.older(r, than: best) { best = r }
        for r in otherOverlappeds where r.base <= address && address < r.end && Self.older(r, than: best) { best = r }
        return best
    }

    /// The watched range of `role` that contains `address`, if any.
    public mutating func range(containing address: UInt64, role: Role) -> Range? {
        if role == .overlapped { return overlapped(holding: address) }
        return buffer(overlapping: address, address &+ 1, lowestFirst: false) { $0.role == role }
    }

    /// The `OVERLAPPED` of a request in flight that starts exactly at `address`.
    public func pendingOverlapped(at address: UInt64) -> Range? {
        guard overlappedCount > 0 else { return nil }
        var best: Range?
        if let r = overlappedAt[address >> Self.blockShift], r.base == address { best = r }
        for r in otherOverlappeds where r.base == address && Self.older(r, than: best) { best = r }
        return best
    }

    /// The first watched range (any role) that overlaps `base ..< end`:
    /// an `OVERLAPPED` before a buffer (the more telling of the two), then
    /// the lowest address, then the oldest request.
    public mutating func firstOverlap(_ base: UInt64, _ end: UInt64) -> Range? {
        guard count > 0, end > base, base < bounds.anyBase &+ bounds.anySpan, end > bounds.anyBase else { return nil }
        return firstOverlappedOverlap(base, end) ?? buffer(overlapping: base, end, lowestFirst: true) { _ in true }
    }

    private func firstOverlappedOverlap(_ base: UInt64, _ end: UInt64) -> Range? {
        guard overlappedCount > 0 else { return nil }
        var best: Range?
        func consider(_ r: Range) {
            guard r.base < end, base < r.end else { return }
            if let b = best, (b.base, b.request) <= (r.base, r.request) { return }
            best = r
        }
        let first = max(base >> Self.blockShift, 1) - 1, last = (end - 1) >> Self.blockShift
        if last - first >= UInt64(overlappedCount) {
            // More blocks to try than OVERLAPPEDs held: read them all instead.
            overlappedAt.forEachValue(consider)
        } else {
            for block in first...last {
                if let r = overlappedAt[block] { consider(r) }
            }
        }
        otherOverlappeds.forEach(consider)
        return best
    }

    /// The buffer overlapping `base ..< end` that `matches`: the oldest
    /// request's, or with `lowestFirst` the lowest address's (then the
    /// oldest). Few buffers are read in a list; with many, through the page
    /// index (built here the first time).
    private mutating func buffer(overlapping base: UInt64, _ end: UInt64, lowestFirst: Bool,
                                 where matches: (Range) -> Bool) -> Range? {
        var best: Range?
        func consider(_ r: Range) {
            guard r.end > r.base, r.base < end, base < r.end, matches(r) else { return }
            if let b = best, lowestFirst ? (b.base, b.request) <= (r.base, r.request) : b.request <= r.request { return }
            best = r
        }
        guard bufferCount > 0 else { return nil }
        let pages = ((end - 1) >> PageLists.shift) - (base >> PageLists.shift) + 1
        if bufferCount <= PageLists.worthBuilding || pages > UInt64(bufferCount) {
            buffers.forEach(consider)
            return best
        }
        if bufferPages == nil {
            var index = PageLists()
            for (s, r) in buffers.enumerated() where r.end > r.base { index.add(Int32(s), r) }
            bufferPages = index
        }
        bufferPages?.forEach(from: base, to: end) { consider(buffers[Int($0)]) }
        return best
    }

    /// Notes an access the VM found inside a bounding interval, if it really
    /// touches a range of `role`. A run of the same access at the same place
    /// is noted once.
    public mutating func noteAccess(_ access: Access, at address: UInt64, role: Role, line: Int, column: Int) {
        guard let r = range(containing: address, role: role) else { return }
        if let last = hits.last, last.access == access, last.line == line, last.column == column,
           last.range.request == r.request { return }
        hits.append(Hit(access: access, address: address, range: r, line: line, column: column))
        bounds.hasHits = true
    }

    /// Notes that `base ..< end` is being released (freed, or a returning
    /// function's frame) if it holds a watched range.
    public mutating func noteRelease(_ access: Access, base: UInt64, end: UInt64, line: Int = 0, column: Int = 0) {
        guard let r = firstOverlap(base, end) else { return }
        hits.append(Hit(access: access, address: base, range: r, line: line, column: column))
        bounds.hasHits = true
    }

    /// Gives the hits noted without a place (by library calls) the place of the call.
    public mutating func locateHits(line: Int, column: Int) {
        for i in hits.indices where hits[i].line == 0 {
            hits[i].line = line
            hits[i].column = column
        }
    }

    /// The hits noted since the last call, oldest first.
    public mutating func takeHits() -> [Hit] {
        defer { hits = []; bounds.hasHits = false }
        return hits
    }

    private static func widen(_ base: inout UInt64, _ span: inout UInt64, _ r: Range) {
        if span == 0 {
            base = r.base
            span = r.end - r.base
            return
        }
        let low = min(base, r.base), high = max(base &+ span, r.end)
        base = low
        span = high - low
    }
}
