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
/// - adding and removing touch one entry of a table keyed by the
///   `OVERLAPPED`'s address (`OverlappedTable`; a new request is asked about
///   by that address in the same probe) and one slot of a pool of buffers
///   (`BufferPool`), both in memory they manage themselves;
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
/// Part of a `Memory`'s address space because the kernel (which knows the
/// requests) and the VM (which does the accesses) share nothing else; it is
/// not part of the memory's contents (`==` ignores it). A class, so reading
/// it copies nothing; the address space copies it whole when it copies
/// itself, which keeps every `Memory` a value.
public final class WatchSet: @unchecked Sendable {
    // @unchecked (and no dynamic exclusivity checks): changed only through a
    // uniquely referenced `Memory`, whose address space copies it (`copy()`)
    // before changing a shared one.
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

    @exclusivity(unchecked) public private(set) var bounds = Bounds()
    @exclusivity(unchecked) private var overlappeds = OverlappedTable()
    /// The other `OVERLAPPED`s: one overlapping another in flight (a misuse
    /// the kernel reports) or not 32 bytes long. Few, so a list.
    @exclusivity(unchecked) private var otherOverlappeds: [Range] = []
    @exclusivity(unchecked) private(set) var overlappedCount = 0
    /// How long an `OVERLAPPED` is (in this 64-bit dialect).
    public static let overlappedSize: UInt64 = 32
    @exclusivity(unchecked) private var buffers = BufferPool()
    /// Buffers by page, once a lookup has needed it (nil until then).
    @exclusivity(unchecked) private var bufferPages: PageLists?
    /// Accesses noticed and not yet collected by the kernel.
    @exclusivity(unchecked) public private(set) var hits: [Hit] = []

    public init() {}

    /// A set holding what this one holds, in memory of its own.
    public func copy() -> WatchSet {
        let other = WatchSet()
        other.bounds = bounds
        other.overlappeds.deallocate()
        other.overlappeds = overlappeds.copy()
        other.otherOverlappeds = otherOverlappeds
        other.overlappedCount = overlappedCount
        other.buffers.deallocate()
        other.buffers = buffers.copy()
        other.bufferPages = bufferPages
        other.hits = hits
        return other
    }

    deinit {
        overlappeds.deallocate()
        buffers.deallocate()
    }

    /// Ranges held.
    public var count: Int { overlappedCount + buffers.count }
    public var isEmpty: Bool { count == 0 }

    /// Holds `range` until `remove` is given the slot returned. For an
    /// `OVERLAPPED`, also the oldest one held at the same address before
    /// (a request reusing the structure of one still in flight).
    @discardableResult
    public func add(_ range: Range) -> (slot: Slot, sameAddress: Range?) {
        guard range.end > range.base else { return (.none, nil) }
        if range.role != .overlapped { return (fileBuffer(range), nil) }
        if range.end - range.base == Self.overlappedSize {
            let (slot, same) = fileOverlapped(range.base, request: range.request)
            return (slot, same.map { Range(base: range.base, end: range.end, role: .overlapped, request: $0) })
        }
        countOverlapped(range.base, range.end)
        var sameAddress: Range?
        if let existing = overlappeds.entry(inBlock: range.base >> OverlappedTable.blockShift), existing.base == range.base {
            sameAddress = Self.overlapped(existing)
        }
        for r in otherOverlappeds where r.base == range.base && Self.older(r, than: sameAddress) { sameAddress = r }
        otherOverlappeds.append(range)
        return (.listed, sameAddress)
    }

    /// Holds request `request`'s 32-byte `OVERLAPPED` at `base`: the slot
    /// to give back, and the oldest request already pending with one at the
    /// same address. The path every request with an `OVERLAPPED` takes.
    @inline(__always)
    public func fileOverlapped(_ base: UInt64, request: Int) -> (slot: Slot, requestAtSameAddress: Int?) {
        let end = base &+ Self.overlappedSize
        countOverlapped(base, end)
        var slot = Slot.listed
        var same: Range?
        if OverlappedTable.canHold(base) {
            // One probe both files it and finds one already starting in its block.
            if let existing = overlappeds.insert(base, request: request) {
                if existing.base == base { same = Self.overlapped(existing) }
            } else {
                slot = .indexed
                if otherOverlappeds.isEmpty { return (slot, nil) }
            }
        }
        for r in otherOverlappeds where r.base == base && Self.older(r, than: same) { same = r }
        if slot == .listed { otherOverlappeds.append(Range(base: base, end: end, role: .overlapped, request: request)) }
        return (slot, same?.request)
    }

    /// One more `OVERLAPPED` held, at `base ..< end`: stores there may hit it.
    @inline(__always)
    private func countOverlapped(_ base: UInt64, _ end: UInt64) {
        overlappedCount += 1
        (bounds.anyBase, bounds.anySpan) = Self.widened(bounds.anyBase, bounds.anySpan, base, end)
        (bounds.storeBase, bounds.storeSpan) = Self.widened(bounds.storeBase, bounds.storeSpan, base, end)
    }

    /// Holds a request's buffer (`range`, not empty, a buffer's role): its slot.
    @inline(__always)
    public func fileBuffer(_ range: Range) -> Slot {
        (bounds.anyBase, bounds.anySpan) = Self.widened(bounds.anyBase, bounds.anySpan, range.base, range.end)
        if range.role == .readBuffer {
            (bounds.loadBase, bounds.loadSpan) = Self.widened(bounds.loadBase, bounds.loadSpan, range.base, range.end)
        }
        let s = buffers.add(range)
        bufferPages?.add(s, range)
        return Slot(index: s)
    }

    /// Forgets request `request`'s `OVERLAPPED` and buffer, held in the
    /// slots `fileOverlapped` and `fileBuffer` gave (`.none` for either
    /// it did not have) and starting at `overlappedBase` and `bufferBase`.
    /// The path every request takes as it completes.
    @inline(__always)
    public func release(request: Int, overlapped: Slot, at overlappedBase: UInt64, buffer: Slot, at bufferBase: UInt64) {
        if overlapped == .indexed {
            if overlappeds.remove(overlappedBase, request: request) { overlappedCount -= 1 }
        } else if overlapped != .none {
            remove(overlapped, base: overlappedBase, request: request)
        }
        if buffer.index >= 0, let r = buffers.remove(buffer.index, request: request) { bufferPages?.remove(buffer.index, r) }
        if overlappedCount == 0 && buffers.count == 0 { reset() }
    }

    /// Nothing is held: the bounds start afresh (the hits stay to be collected).
    private func reset() {
        let pending = bounds.hasHits
        bounds = Bounds()
        bounds.hasHits = pending
        bufferPages = nil
    }

    /// Forgets the range held in `slot`, which starts at `base` and belongs to `request`.
    public func remove(_ slot: Slot, base: UInt64, request: Int) {
        switch slot.index {
        case Slot.indexed.index:
            // Only its own entry (a slot given back twice finds another's or none).
            guard overlappeds.remove(base, request: request) else { return }
            overlappedCount -= 1
        case Slot.listed.index:
            guard let at = otherOverlappeds.firstIndex(where: { $0.request == request && $0.base == base }) else { return }
            otherOverlappeds.remove(at: at)
            overlappedCount -= 1
        default:
            guard let r = buffers.remove(slot.index, request: request) else { return }
            bufferPages?.remove(slot.index, r)
        }
        if count == 0 { reset() }
    }

    /// The range of an `OVERLAPPED` in the table.
    @inline(__always)
    private static func overlapped(_ e: OverlappedTable.Entry) -> Range {
        Range(base: e.base, end: e.base &+ overlappedSize, role: .overlapped, request: e.request)
    }

    /// Whether `r` answers better than `best` (the oldest request's range wins).
    private static func older(_ r: Range, than best: Range?) -> Bool {
        best.map { r.request < $0.request } ?? true
    }

    /// The `OVERLAPPED` holding `address`: one starting in its 32-byte block
    /// or the block before, or one of the others.
    private func overlapped(holding address: UInt64) -> Range? {
        guard overlappedCount > 0 else { return nil }
        var best = overlappeds.holding(address).map(Self.overlapped)
        if !otherOverlappeds.isEmpty {
            for r in otherOverlappeds where r.base <= address && address < r.end && Self.older(r, than: best) { best = r }
        }
        return best
    }

    /// Whether `address` lies in the `OVERLAPPED` of a request in flight.
    @inline(__always)
    public func holdsOverlapped(_ address: UInt64) -> Bool {
        if overlappeds.holds(address) { return true }
        return !otherOverlappeds.isEmpty && otherOverlappeds.contains { $0.base <= address && address < $0.end }
    }

    /// The watched range of `role` that contains `address`, if any.
    public func range(containing address: UInt64, role: Role) -> Range? {
        if role == .overlapped { return overlapped(holding: address) }
        return buffer(overlapping: address, address &+ 1, lowestFirst: false) { $0.role == role }
    }

    /// The `OVERLAPPED` of a request in flight that starts exactly at `address`.
    public func pendingOverlapped(at address: UInt64) -> Range? {
        guard overlappedCount > 0 else { return nil }
        var best: Range?
        if let e = overlappeds.entry(inBlock: address >> OverlappedTable.blockShift), e.base == address {
            best = Self.overlapped(e)
        }
        for r in otherOverlappeds where r.base == address && Self.older(r, than: best) { best = r }
        return best
    }

    /// The first watched range (any role) that overlaps `base ..< end`:
    /// an `OVERLAPPED` before a buffer (the more telling of the two), then
    /// the lowest address, then the oldest request.
    public func firstOverlap(_ base: UInt64, _ end: UInt64) -> Range? {
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
        let first = max(base >> OverlappedTable.blockShift, 1) - 1, last = (end - 1) >> OverlappedTable.blockShift
        if last - first >= UInt64(overlappedCount) || !OverlappedTable.canHold(end - 1) {
            // More blocks to try than OVERLAPPEDs held: read them all instead.
            overlappeds.forEach { consider(Self.overlapped($0)) }
        } else {
            for block in first...last {
                if let e = overlappeds.entry(inBlock: block) { consider(Self.overlapped(e)) }
            }
        }
        otherOverlappeds.forEach(consider)
        return best
    }

    /// The buffer overlapping `base ..< end` that `matches`: the oldest
    /// request's, or with `lowestFirst` the lowest address's (then the
    /// oldest). Few buffers are read in a list; with many, through the page
    /// index (built here the first time).
    private func buffer(overlapping base: UInt64, _ end: UInt64, lowestFirst: Bool,
                        where matches: (Range) -> Bool) -> Range? {
        var best: Range?
        func consider(_ r: Range) {
            guard r.end > r.base, r.base < end, base < r.end, matches(r) else { return }
            if let b = best, lowestFirst ? (b.base, b.request) <= (r.base, r.request) : b.request <= r.request { return }
            best = r
        }
        guard buffers.count > 0 else { return nil }
        let pages = ((end - 1) >> PageLists.shift) - (base >> PageLists.shift) + 1
        if buffers.count <= PageLists.worthBuilding || pages > UInt64(buffers.count) {
            buffers.forEach { _, r in consider(r) }
            return best
        }
        if bufferPages == nil {
            var index = PageLists()
            buffers.forEach { s, r in index.add(s, r) }
            bufferPages = index
        }
        bufferPages?.forEach(from: base, to: end) { consider(buffers[$0]) }
        return best
    }

    /// Notes an access the VM found inside a bounding interval, if it really
    /// touches a range of `role`. A run of the same access at the same place
    /// is noted once.
    public func noteAccess(_ access: Access, at address: UInt64, role: Role, line: Int, column: Int) {
        guard let r = range(containing: address, role: role) else { return }
        if let last = hits.last, last.access == access, last.line == line, last.column == column,
           last.range.request == r.request { return }
        hits.append(Hit(access: access, address: address, range: r, line: line, column: column))
        bounds.hasHits = true
    }

    /// Notes that `base ..< end` is being released (freed, or a returning
    /// function's frame) if it holds a watched range.
    public func noteRelease(_ access: Access, base: UInt64, end: UInt64, line: Int = 0, column: Int = 0) {
        guard let r = firstOverlap(base, end) else { return }
        hits.append(Hit(access: access, address: base, range: r, line: line, column: column))
        bounds.hasHits = true
    }

    /// Gives the hits noted without a place (by library calls) the place of the call.
    public func locateHits(line: Int, column: Int) {
        for i in hits.indices where hits[i].line == 0 {
            hits[i].line = line
            hits[i].column = column
        }
    }

    /// The hits noted since the last call, oldest first.
    public func takeHits() -> [Hit] {
        defer { hits = []; bounds.hasHits = false }
        return hits
    }

    /// The interval `base ..< base+span` grown to hold `low ..< high` (just that when empty).
    @inline(__always)
    private static func widened(_ base: UInt64, _ span: UInt64, _ low: UInt64, _ high: UInt64) -> (UInt64, UInt64) {
        if span == 0 { return (low, high &- low) }
        let newLow = min(base, low)
        return (newLow, max(base &+ span, high) &- newLow)
    }
}
