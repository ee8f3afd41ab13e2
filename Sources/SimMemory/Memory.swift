/// A process's flat, byte-addressed, little-endian address space.
///
/// Both the C virtual machine (loads and stores) and the kernel (an I/O
/// request copying file bytes into a buffer, completion writing
/// `OVERLAPPED.Internal`) use it, so it lives below both.
///
/// Invariants: memory is made of non-overlapping mapped regions; any access
/// outside them (including the null page) fails with a `MemoryFault` rather
/// than trapping. Pages are 4 KiB, allocated lazily (zero-filled) and
/// copy-on-write, so copying a `Memory` for a snapshot is cheap and a large
/// untouched mapping costs almost nothing.
///
/// A `Memory` is one reference to its `AddressSpace`, so moving it around is
/// cheap. Loads and stores first look in the space's translation cache (one
/// subtraction and compare from the bytes); a store also checks that neither
/// the space nor the page is shared.
public struct Memory: Sendable, Equatable {
    public static let pageSize = 4096
    static let pageShift: UInt64 = 12

    @usableFromInline var space: AddressSpace

    public init() { space = AddressSpace.empty }

    /// Regions sorted by base address.
    public var regions: [MemoryRegion] { space.regions }

    /// The space, made this value's own first (a shared one is copied).
    @inlinable @inline(__always)
    mutating func ownSpace() -> AddressSpace {
        if !isKnownUniquelyReferenced(&space) { space = AddressSpace(copying: space) }
        return space
    }

    public static func == (a: Memory, b: Memory) -> Bool {
        if a.space === b.space { return true }
        // Equal regions lay their pages out alike.
        guard a.space.regions == b.space.regions, a.space.pageCount == b.space.pageCount else { return false }
        let x = a.space.pages, y = b.space.pages
        for i in x.indices {
            switch (x[i], y[i]) {
            case (nil, nil): continue
            case let (p?, q?): if p !== q && !p.contents.elementsEqual(q.contents) { return false }
            case let (p?, nil): if !p.isZero { return false }
            case let (nil, q?): if !q.isZero { return false }
            }
        }
        return true
    }

    /// Maps `size` bytes at `base`. Fails if the range overlaps a mapping or
    /// touches the first 64 KiB (kept unmapped so NULL-ish pointers fault).
    public mutating func map(base: UInt64, size: UInt64, name: String) throws(MemoryFault) {
        guard size > 0, base >= 0x10000, base &+ size > base else {
            throw MemoryFault(address: base, length: Int(clamping: size), kind: .badMapping)
        }
        for r in space.regions where base < r.end && r.base < base + size {
            throw MemoryFault(address: base, length: Int(clamping: size), kind: .badMapping)
        }
        let s = ownSpace()
        let index = s.regions.firstIndex { $0.base > base } ?? s.regions.count
        let firstPage = index < s.regions.count ? s.regions[index].firstPage : s.pageCount
        let region = MemoryRegion(base: base, size: size, name: name, firstPage: firstPage)
        s.insertPages(region.pageCount, at: firstPage)
        for later in index ..< s.regions.count { s.regions[later].firstPage += region.pageCount }
        s.regions.insert(region, at: index)
        s.lastHit = index
        s.previousHit = index
        s.forgetWindows()
    }

    /// Removes the mapping that starts at `base`.
    public mutating func unmap(base: UInt64) throws(MemoryFault) {
        guard let index = space.regions.firstIndex(where: { $0.base == base }) else {
            throw MemoryFault(address: base, length: 0, kind: .unmapped)
        }
        let s = ownSpace()
        let region = s.regions.remove(at: index)
        s.removePages(region.pageCount, at: region.firstPage)
        for later in index ..< s.regions.count { s.regions[later].firstPage -= region.pageCount }
        s.lastHit = 0
        s.previousHit = 0
        s.forgetWindows()
    }

    /// The region containing `address`, if any.
    public func region(containing address: UInt64) -> MemoryRegion? {
        space.regionIndex(containing: address).map { space.regions[$0] }
    }

    @inlinable
    public func isMapped(_ address: UInt64, length: Int) -> Bool {
        if space.windows[AddressSpace.windowIndex(address)].offset(address, length) != nil { return true }
        return isMappedSlow(address, length: length)
    }

    @usableFromInline
    func isMappedSlow(_ address: UInt64, length: Int) -> Bool {
        guard let i = space.regionIndex(containing: address) else { return false }
        return address &+ UInt64(length) <= space.regions[i].end
    }

    /// The index of the region holding all of `address ..< address+length`;
    /// faults otherwise. `writing` makes the space this value's own first;
    /// a read of a shared space leaves it as it is (a snapshot being looked
    /// at is not copied).
    mutating func checkedRegion(_ address: UInt64, _ length: Int, writing: Bool = false) throws(MemoryFault) -> Int {
        guard let i = space.regionIndex(containing: address), address &+ UInt64(length) <= space.regions[i].end,
              address &+ UInt64(length) >= address
        else {
            throw MemoryFault(address: address, length: length, kind: address < 0x10000 ? .null : .unmapped)
        }
        if writing {
            ownSpace().noteHit(i)
        } else if isKnownUniquelyReferenced(&space) {
            space.noteHit(i)
        }
        return i
    }

    // MARK: Pages

    /// Calls `body` with each page piece of `offset ..< offset+count` of
    /// region `r`, in order: the page's slot, the offset in the page, the
    /// piece's length and its offset into the range.
    @inline(__always)
    func forEachPiece(region r: Int, offset: UInt64, count: Int, _ body: (Int, Int, Int, Int) -> Void) {
        let first = space.regions[r].firstPage
        var done = 0
        var off = Int(offset)
        while done < count {
            let inPage = off & (Memory.pageSize - 1)
            let n = min(count - done, Memory.pageSize - inPage)
            body(first + off >> Memory.pageShift, inPage, n, done)
            done += n
            off += n
        }
    }

    /// Copies region `r`'s bytes from `offset` into `destination` (never-written pages read as zero).
    func copyOut(region r: Int, offset: UInt64, into destination: UnsafeMutableRawBufferPointer) {
        guard let dst = destination.baseAddress, !destination.isEmpty else { return }
        let table = space.table
        forEachPiece(region: r, offset: offset, count: destination.count) { slot, inPage, n, done in
            if let page = table[slot] {
                (dst + done).copyMemory(from: page.bytes + inPage, byteCount: n)
            } else {
                (dst + done).initializeMemory(as: UInt8.self, repeating: 0, count: n)
            }
        }
    }

    /// Copies `source` into region `r` from `offset` (the space must be this value's own).
    func copyIn(region r: Int, from source: UnsafeRawBufferPointer, offset: UInt64) {
        guard let src = source.baseAddress, !source.isEmpty else { return }
        let s = space
        forEachPiece(region: r, offset: offset, count: source.count) { slot, inPage, n, done in
            (s.writablePage(slot) + inPage).copyMemory(from: src + done, byteCount: n)
        }
    }

    // MARK: Bytes

    public mutating func readBytes(at address: UInt64, count: Int) throws(MemoryFault) -> [UInt8] {
        if count == 0 { return [] }
        let i = try checkedRegion(address, count)
        let offset = address - space.regions[i].base
        // Filled by the copy itself: no zero-filled buffer first.
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            copyOut(region: i, offset: offset, into: UnsafeMutableRawBufferPointer(buffer))
            initialized = count
        }
    }

    /// Copies `destination.count` bytes at `address` into `destination`.
    public mutating func read(at address: UInt64, into destination: UnsafeMutableRawBufferPointer) throws(MemoryFault) {
        if destination.isEmpty { return }
        let i = try checkedRegion(address, destination.count)
        copyOut(region: i, offset: address - space.regions[i].base, into: destination)
    }

    public mutating func writeBytes(_ bytes: some Collection<UInt8>, at address: UInt64) throws(MemoryFault) {
        if bytes.isEmpty { return }
        let i = try checkedRegion(address, bytes.count, writing: true)
        let offset = address - space.regions[i].base
        let done: Void? = bytes.withContiguousStorageIfAvailable {
            copyIn(region: i, from: UnsafeRawBufferPointer($0), offset: offset)
        }
        if done == nil { Array(bytes).withUnsafeBytes { copyIn(region: i, from: $0, offset: offset) } }
    }

    /// Copies `source` to `address`.
    public mutating func write(_ source: UnsafeRawBufferPointer, at address: UInt64) throws(MemoryFault) {
        if source.isEmpty { return }
        let i = try checkedRegion(address, source.count, writing: true)
        copyIn(region: i, from: source, offset: address - space.regions[i].base)
    }

    /// Lets `body` write `address ..< address+count` in place: it is called
    /// once per page piece, in order, with the piece and its offset into the
    /// range. Checks the whole range first; nothing is called if it faults.
    public mutating func withWritableBytes(at address: UInt64, count: Int,
                                           _ body: (UnsafeMutableRawBufferPointer, Int) -> Void) throws(MemoryFault) {
        if count == 0 { return }
        let i = try checkedRegion(address, count, writing: true)
        let s = space
        forEachPiece(region: i, offset: address - s.regions[i].base, count: count) { slot, inPage, n, done in
            body(UnsafeMutableRawBufferPointer(start: s.writablePage(slot) + inPage, count: n), done)
        }
    }

    public mutating func fill(_ byte: UInt8, at address: UInt64, count: Int) throws(MemoryFault) {
        if count == 0 { return }
        let i = try checkedRegion(address, count, writing: true)
        let s = space
        forEachPiece(region: i, offset: address - s.regions[i].base, count: count) { slot, inPage, n, _ in
            // Never-written pages already read as zero.
            if byte != 0 || s.table[slot] != nil {
                (s.writablePage(slot) + inPage).initializeMemory(as: UInt8.self, repeating: byte, count: n)
            }
        }
    }

    /// Copies within memory with `memmove` semantics.
    public mutating func copy(from source: UInt64, to destination: UInt64, count: Int) throws(MemoryFault) {
        let bytes = try readBytes(at: source, count: count)
        try writeBytes(bytes, at: destination)
    }

    // MARK: Integers (little-endian)

    @inlinable @inline(__always)
    public mutating func load(_ address: UInt64, size: Int) throws(MemoryFault) -> UInt64 {
        let w = space.windows + AddressSpace.windowIndex(address)
        if let off = w.pointee.offset(address, size) {
            let raw = UnsafeRawPointer(w.pointee.bytes.unsafelyUnwrapped + off)
            // One unaligned little-endian load for the common sizes.
            switch size {
            case 8: return UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            case 4: return UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            case 2: return UInt64(UInt16(littleEndian: raw.loadUnaligned(as: UInt16.self)))
            case 1: return UInt64(raw.load(as: UInt8.self))
            default: break
            }
        }
        return try loadMiss(address, size: size)
    }

    /// A load the cache cannot serve: looks the region up and caches the
    /// page, or reads odd sizes and values straddling a page byte by byte.
    @usableFromInline
    mutating func loadMiss(_ address: UInt64, size: Int) throws(MemoryFault) -> UInt64 {
        let i = try checkedRegion(address, size)
        let offset = address &- space.regions[i].base
        // A shared space (a snapshot being looked at) is read without caching.
        if size == 8 || size == 4 || size == 2 || size == 1,
           Int(offset & UInt64(Memory.pageSize - 1)) + size <= Memory.pageSize, isKnownUniquelyReferenced(&space) {
            space.cacheWindow(region: i, offset: offset)
            return try load(address, size: size)
        }
        var v: UInt64 = 0
        withUnsafeTemporaryAllocation(byteCount: size, alignment: 1) { bytes in
            copyOut(region: i, offset: offset, into: bytes)
            for k in stride(from: size - 1, through: 0, by: -1) { v = (v << 8) | UInt64(bytes[k]) }
        }
        return v
    }

    @inlinable @inline(__always)
    public mutating func store(_ value: UInt64, at address: UInt64, size: Int) throws(MemoryFault) {
        if size == 8 || size == 4 || size == 2 || size == 1, isKnownUniquelyReferenced(&space) {
            let s = space
            let w = s.windows + AddressSpace.windowIndex(address)
            if let off = w.pointee.offset(address, size) {
                let raw = s.writablePage(w.pointee.slot) + off
                switch size {
                case 8: raw.storeBytes(of: value.littleEndian, as: UInt64.self)
                case 4: raw.storeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian, as: UInt32.self)
                case 2: raw.storeBytes(of: UInt16(truncatingIfNeeded: value).littleEndian, as: UInt16.self)
                default: raw.storeBytes(of: UInt8(truncatingIfNeeded: value), as: UInt8.self)
                }
                return
            }
        }
        try storeMiss(value, at: address, size: size)
    }

    /// A store the cache cannot serve: looks the region up and caches the
    /// page, or writes odd sizes and values straddling a page byte by byte.
    @usableFromInline
    mutating func storeMiss(_ value: UInt64, at address: UInt64, size: Int) throws(MemoryFault) {
        let i = try checkedRegion(address, size, writing: true)
        let offset = address &- space.regions[i].base
        if size == 8 || size == 4 || size == 2 || size == 1,
           Int(offset & UInt64(Memory.pageSize - 1)) + size <= Memory.pageSize {
            space.cacheWindow(region: i, offset: offset)
            return try store(value, at: address, size: size)
        }
        withUnsafeTemporaryAllocation(byteCount: size, alignment: 1) { bytes in
            var v = value
            for k in 0..<size { bytes[k] = UInt8(truncatingIfNeeded: v); v >>= 8 }
            copyIn(region: i, from: UnsafeRawBufferPointer(bytes), offset: offset)
        }
    }

    @inlinable
    public mutating func loadUInt32(_ address: UInt64) throws(MemoryFault) -> UInt32 {
        UInt32(truncatingIfNeeded: try load(address, size: 4))
    }

    @inlinable
    public mutating func loadUInt64(_ address: UInt64) throws(MemoryFault) -> UInt64 {
        try load(address, size: 8)
    }

    @inlinable
    public mutating func storeUInt32(_ value: UInt32, at address: UInt64) throws(MemoryFault) {
        try store(UInt64(value), at: address, size: 4)
    }

    @inlinable
    public mutating func storeUInt64(_ value: UInt64, at address: UInt64) throws(MemoryFault) {
        try store(value, at: address, size: 8)
    }

    /// Reads a NUL-terminated string of 1-byte (or 2-byte when `wide`) units.
    public mutating func readCString(at address: UInt64, wide: Bool = false, limit: Int = 1 << 16) throws(MemoryFault) -> String {
        var units: [UInt16] = []
        let step = wide ? 2 : 1
        var a = address
        while units.count < limit {
            let u = UInt16(truncatingIfNeeded: try load(a, size: step))
            if u == 0 { break }
            units.append(u)
            a &+= UInt64(step)
        }
        if wide { return String(decoding: units, as: UTF16.self) }
        return String(decoding: units.map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
    }

    /// Total bytes of pages actually materialized (for memory reports).
    public var residentBytes: Int { space.pages.reduce(0) { $0 + ($1 == nil ? 0 : Memory.pageSize) } }
}

/// A memory access that fell outside every mapping.
public struct MemoryFault: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case null, unmapped, badMapping
        /// A string the C library reads has no terminating NUL within its
        /// limit (`length` bytes): a documented limit, not a silent cut.
        case unterminated
    }
    public var address: UInt64
    public var length: Int
    public var kind: Kind

    public init(address: UInt64, length: Int, kind: Kind) {
        self.address = address
        self.length = length
        self.kind = kind
    }

    public var description: String {
        let hex = "0x" + String(address, radix: 16, uppercase: true)
        switch kind {
        case .null: return "access to NULL pointer (address \(hex))"
        case .unmapped: return "access to unmapped memory at \(hex) (\(length) bytes)"
        case .badMapping: return "cannot map \(length) bytes at \(hex)"
        case .unterminated: return "string at \(hex) has no terminating NUL within \(length) bytes (the C library's limit)"
        }
    }
}
