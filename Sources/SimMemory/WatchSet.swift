/// The parts of an address space that a pending I/O request owns, so the
/// program touching them can be caught as it happens: the `OVERLAPPED` of a
/// request in flight (the program must not write it), the buffer of a
/// pending read (must not be read before the read completed) and every
/// buffer in flight (must not be freed).
///
/// The kernel adds a request's ranges when it starts the request and removes
/// them when it completes; the VM asks before loads and stores. The common
/// answer ("nothing watched near here") must cost almost nothing, so each
/// kind of access has one bounding interval checked with a subtraction and
/// a compare (`storeBase`/`storeSpan`, `loadBase`/`loadSpan`); only an
/// access inside it looks the ranges up, by 4 KiB page. The bounds only
/// grow while anything is watched and reset when nothing is: a superset is
/// always safe, just slower.
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

    /// Stores at `storeBase ..< storeBase+storeSpan` may hit an `OVERLAPPED`.
    public private(set) var storeBase: UInt64 = 0
    public private(set) var storeSpan: UInt64 = 0
    /// Loads at `loadBase ..< loadBase+loadSpan` may hit a pending read's buffer.
    public private(set) var loadBase: UInt64 = 0
    public private(set) var loadSpan: UInt64 = 0
    /// Any range at all lies in `anyBase ..< anyBase+anySpan`.
    public private(set) var anyBase: UInt64 = 0
    public private(set) var anySpan: UInt64 = 0
    /// `OVERLAPPED`s by the 64-byte blocks they touch (an array of them
    /// shares a page with many others; a block holds two or three at most).
    private var overlappeds: [UInt64: [Range]] = [:]
    /// Buffers by the 4 KiB pages they touch.
    private var buffers: [UInt64: [Range]] = [:]
    static let overlappedShift: UInt64 = 6
    static let bufferShift: UInt64 = 12
    /// Ranges held.
    public private(set) var count = 0
    /// Accesses noticed and not yet collected by the kernel.
    public var hits: [Hit] = []

    public init() {}

    public var isEmpty: Bool { count == 0 }

    public mutating func add(_ range: Range) {
        guard range.end > range.base else { return }
        let shift = range.role == .overlapped ? Self.overlappedShift : Self.bufferShift
        var key = range.base >> shift
        while key <= (range.end - 1) >> shift {
            if range.role == .overlapped {
                overlappeds[key, default: []].append(range)
            } else {
                buffers[key, default: []].append(range)
            }
            key += 1
        }
        count += 1
        Self.widen(&anyBase, &anySpan, range)
        switch range.role {
        case .overlapped: Self.widen(&storeBase, &storeSpan, range)
        case .readBuffer: Self.widen(&loadBase, &loadSpan, range)
        case .writeBuffer: break
        }
    }

    /// Forgets the range of `request` with `role` from `base` to `end`.
    public mutating func remove(request: Int, role: Role, base: UInt64, end: UInt64) {
        guard end > base, count > 0 else { return }
        let shift = role == .overlapped ? Self.overlappedShift : Self.bufferShift
        var key = base >> shift
        var removed = false
        while key <= (end - 1) >> shift {
            if role == .overlapped {
                removed = Self.drop(request, base, key, from: &overlappeds) || removed
            } else {
                removed = Self.drop(request, base, key, from: &buffers) || removed
            }
            key += 1
        }
        if removed { count -= 1 }
        if count == 0 {
            overlappeds = [:]
            buffers = [:]
            storeBase = 0; storeSpan = 0; loadBase = 0; loadSpan = 0; anyBase = 0; anySpan = 0
        }
    }

    /// Removes `request`'s range at `base` from the list under `key`, in place.
    private static func drop(_ request: Int, _ base: UInt64, _ key: UInt64, from table: inout [UInt64: [Range]]) -> Bool {
        guard let index = table.index(forKey: key) else { return false }
        let before = table.values[index].count
        table.values[index].removeAll { $0.request == request && $0.base == base }
        let removed = table.values[index].count != before
        if table.values[index].isEmpty { table.remove(at: index) }
        return removed
    }

    /// The watched range of `role` that contains `address`, if any.
    public func range(containing address: UInt64, role: Role) -> Range? {
        let list = role == .overlapped ? overlappeds[address >> Self.overlappedShift] : buffers[address >> Self.bufferShift]
        return list?.first { $0.role == role && $0.base <= address && address < $0.end }
    }

    /// The `OVERLAPPED` of a request in flight that starts exactly at `address`.
    public func pendingOverlapped(at address: UInt64) -> Range? {
        overlappeds[address >> Self.overlappedShift]?.first { $0.base == address }
    }

    /// The first watched range (any role) that overlaps `base ..< end`,
    /// an `OVERLAPPED` before a buffer (the more telling of the two).
    public func firstOverlap(_ base: UInt64, _ end: UInt64) -> Range? {
        guard count > 0, end > base, base < anyBase &+ anySpan, end > anyBase else { return nil }
        let low = max(base, anyBase), high = min(end, anyBase &+ anySpan)
        if !overlappeds.isEmpty {
            var key = low >> Self.overlappedShift
            while key <= (high - 1) >> Self.overlappedShift {
                if let r = overlappeds[key]?.first(where: { $0.base < end && base < $0.end }) { return r }
                key += 1
            }
        }
        var key = low >> Self.bufferShift
        while key <= (high - 1) >> Self.bufferShift {
            if let r = buffers[key]?.first(where: { $0.base < end && base < $0.end }) { return r }
            key += 1
        }
        return nil
    }

    /// Notes an access the VM found inside a bounding interval, if it really
    /// touches a range of `role`. A run of the same access at the same place
    /// is noted once.
    public mutating func noteAccess(_ access: Access, at address: UInt64, role: Role, line: Int, column: Int) {
        guard let r = range(containing: address, role: role) else { return }
        if let last = hits.last, last.access == access, last.line == line, last.column == column,
           last.range.request == r.request { return }
        hits.append(Hit(access: access, address: address, range: r, line: line, column: column))
    }

    /// Notes that `base ..< end` is being released (freed, or a returning
    /// function's frame) if it holds a watched range.
    public mutating func noteRelease(_ access: Access, base: UInt64, end: UInt64, line: Int = 0, column: Int = 0) {
        guard let r = firstOverlap(base, end) else { return }
        hits.append(Hit(access: access, address: base, range: r, line: line, column: column))
    }

    /// Gives the hits noted without a place (by library calls) the place of the call.
    public mutating func locateHits(line: Int, column: Int) {
        for i in hits.indices where hits[i].line == 0 {
            hits[i].line = line
            hits[i].column = column
        }
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
