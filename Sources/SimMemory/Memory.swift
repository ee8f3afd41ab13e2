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
public struct Memory: Sendable, Equatable {
    public static let pageSize = 4096
    static let pageShift: UInt64 = 12

    /// Regions sorted by base address.
    public var regions: [MemoryRegion] { storage }
    @usableFromInline var storage: [MemoryRegion] = []
    /// Indexes into `regions` of the last two regions hit: most accesses stay
    /// in one or alternate between two (a thread's stack and the data it
    /// works on), and a miss costs a search.
    @usableFromInline var lastHit = 0
    @usableFromInline var previousHit = 0

    public init() {}

    /// Maps `size` bytes at `base`. Fails if the range overlaps a mapping or
    /// touches the first 64 KiB (kept unmapped so NULL-ish pointers fault).
    public mutating func map(base: UInt64, size: UInt64, name: String) throws(MemoryFault) {
        guard size > 0, base >= 0x10000, base &+ size > base else {
            throw MemoryFault(address: base, length: Int(clamping: size), kind: .badMapping)
        }
        for r in storage where base < r.end && r.base < base + size {
            throw MemoryFault(address: base, length: Int(clamping: size), kind: .badMapping)
        }
        let region = MemoryRegion(base: base, size: size, name: name)
        let index = storage.firstIndex { $0.base > base } ?? storage.count
        storage.insert(region, at: index)
        lastHit = index
        previousHit = index
    }

    /// Removes the mapping that starts at `base`.
    public mutating func unmap(base: UInt64) throws(MemoryFault) {
        guard let index = storage.firstIndex(where: { $0.base == base }) else {
            throw MemoryFault(address: base, length: 0, kind: .unmapped)
        }
        storage.remove(at: index)
        lastHit = 0
        previousHit = 0
    }

    /// The region containing `address`, if any.
    public func region(containing address: UInt64) -> MemoryRegion? {
        regionIndex(containing: address).map { storage[$0] }
    }

    @inlinable
    public func isMapped(_ address: UInt64, length: Int) -> Bool {
        guard let i = regionIndex(containing: address) else { return false }
        return address &+ UInt64(length) <= storage[i].end
    }

    @inlinable @inline(__always)
    func regionIndex(containing address: UInt64) -> Int? {
        if lastHit < storage.count, storage[lastHit].contains(address) { return lastHit }
        if previousHit < storage.count, storage[previousHit].contains(address) { return previousHit }
        return searchRegion(containing: address)
    }

    /// Binary search: regions are sorted and disjoint.
    @usableFromInline
    func searchRegion(containing address: UInt64) -> Int? {
        storage.withUnsafeBufferPointer { regions in
            var lo = 0, hi = regions.count - 1
            while lo <= hi {
                let mid = (lo + hi) / 2
                if address < regions[mid].base { hi = mid - 1 } else if address >= regions[mid].end { lo = mid + 1 } else { return mid }
            }
            return nil
        }
    }

    @inlinable @inline(__always)
    mutating func checkedRegion(_ address: UInt64, _ length: Int) throws(MemoryFault) -> Int {
        guard let i = regionIndex(containing: address), address &+ UInt64(length) <= storage[i].end,
              address &+ UInt64(length) >= address
        else {
            throw MemoryFault(address: address, length: length, kind: address < 0x10000 ? .null : .unmapped)
        }
        if i != lastHit {
            previousHit = lastHit
            lastHit = i
        }
        return i
    }

    // MARK: Bytes

    public mutating func readBytes(at address: UInt64, count: Int) throws(MemoryFault) -> [UInt8] {
        if count == 0 { return [] }
        let i = try checkedRegion(address, count)
        let offset = address - storage[i].base
        // Filled by the copy itself: no zero-filled buffer first.
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            storage[i].copyOut(offset: offset, into: UnsafeMutableRawBufferPointer(buffer))
            initialized = count
        }
    }

    /// Copies `destination.count` bytes at `address` into `destination`.
    public mutating func read(at address: UInt64, into destination: UnsafeMutableRawBufferPointer) throws(MemoryFault) {
        if destination.isEmpty { return }
        let i = try checkedRegion(address, destination.count)
        storage[i].copyOut(offset: address - storage[i].base, into: destination)
    }

    @inlinable
    public mutating func writeBytes(_ bytes: some Collection<UInt8>, at address: UInt64) throws(MemoryFault) {
        if bytes.isEmpty { return }
        let i = try checkedRegion(address, bytes.count)
        let offset = address - storage[i].base
        let done: Void? = bytes.withContiguousStorageIfAvailable {
            storage[i].copyIn(from: UnsafeRawBufferPointer($0), offset: offset)
        }
        if done == nil { Array(bytes).withUnsafeBytes { storage[i].copyIn(from: $0, offset: offset) } }
    }

    /// Copies `source` to `address`.
    public mutating func write(_ source: UnsafeRawBufferPointer, at address: UInt64) throws(MemoryFault) {
        if source.isEmpty { return }
        let i = try checkedRegion(address, source.count)
        storage[i].copyIn(from: source, offset: address - storage[i].base)
    }

    /// Lets `body` write `address ..< address+count` in place: it is called
    /// once per page piece, in order, with the piece and its offset into the
    /// range. Checks the whole range first; nothing is called if it faults.
    public mutating func withWritableBytes(at address: UInt64, count: Int,
                                           _ body: (UnsafeMutableRawBufferPointer, Int) -> Void) throws(MemoryFault) {
        if count == 0 { return }
        let i = try checkedRegion(address, count)
        storage[i].withWritablePieces(offset: address - storage[i].base, count: count, body)
    }

    public mutating func fill(_ byte: UInt8, at address: UInt64, count: Int) throws(MemoryFault) {
        if count == 0 { return }
        let i = try checkedRegion(address, count)
        storage[i].fill(byte, offset: address - storage[i].base, count: count)
    }

    /// Copies within memory with `memmove` semantics.
    public mutating func copy(from source: UInt64, to destination: UInt64, count: Int) throws(MemoryFault) {
        let bytes = try readBytes(at: source, count: count)
        try writeBytes(bytes, at: destination)
    }

    // MARK: Integers (little-endian)

    @inlinable
    public mutating func load(_ address: UInt64, size: Int) throws(MemoryFault) -> UInt64 {
        let i = try checkedRegion(address, size)
        return storage[i].loadInteger(offset: address &- storage[i].base, size: size)
    }

    @inlinable
    public mutating func store(_ value: UInt64, at address: UInt64, size: Int) throws(MemoryFault) {
        let i = try checkedRegion(address, size)
        storage[i].storeInteger(value, offset: address &- storage[i].base, size: size)
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
    public var residentBytes: Int { storage.reduce(0) { $0 + $1.residentPages * Memory.pageSize } }
}

/// A memory access that fell outside every mapping.
public struct MemoryFault: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable { case null, unmapped, badMapping }
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
        }
    }
}
