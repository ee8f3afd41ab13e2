/// One mapped range of a `Memory`, stored as lazily created copy-on-write pages.
///
/// The load/store paths are `@inlinable`: the virtual machine and the kernel
/// live in other modules and touch memory on nearly every step, and a call
/// across a module boundary cannot otherwise be inlined.
public struct MemoryRegion: Sendable, Equatable {
    public let base: UInt64
    public let size: UInt64
    /// What the mapping is for ("globals", "stack T2", "heap"): shown in faults.
    public let name: String
    @usableFromInline var pages: [Page?]

    init(base: UInt64, size: UInt64, name: String) {
        self.base = base
        self.size = size
        self.name = name
        let count = Int((size + UInt64(Memory.pageSize) - 1) >> Memory.pageShift)
        pages = Array(repeating: nil, count: count)
    }

    public var end: UInt64 { base + size }

    @inlinable @inline(__always)
    func contains(_ address: UInt64) -> Bool { address >= base && address < base + size }

    var residentPages: Int { pages.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    public static func == (a: MemoryRegion, b: MemoryRegion) -> Bool {
        guard a.base == b.base, a.size == b.size, a.name == b.name else { return false }
        for i in a.pages.indices {
            switch (a.pages[i], b.pages[i]) {
            case (nil, nil): continue
            case let (x?, y?): if x !== y && !x.contents.elementsEqual(y.contents) { return false }
            case let (x?, nil): if !x.isZero { return false }
            case let (nil, y?): if !y.isZero { return false }
            }
        }
        return true
    }

    /// Returns the page's bytes for writing, creating or un-sharing it first.
    /// The pointer stays valid while the region holds the page (until the next
    /// copy-on-write of this region).
    @inlinable @inline(__always)
    mutating func writablePage(_ index: Int) -> UnsafeMutableRawPointer {
        if pages[index] == nil {
            let page = Page()
            pages[index] = page
            return page.bytes
        }
        // No local reference to the page before this check: one would make
        // every page look shared and copy it on every store.
        if !isKnownUniquelyReferenced(&pages[index]!) { pages[index] = Page(copying: pages[index]!) }
        return pages[index].unsafelyUnwrapped.bytes
    }

    /// Copies `destination.count` bytes from `offset` (never-touched pages read as zero).
    func copyOut(offset: UInt64, into destination: UnsafeMutableRawBufferPointer) {
        let count = destination.count
        guard count > 0, let dst = destination.baseAddress else { return }
        var done = 0
        var off = Int(offset)
        while done < count {
            let pageIndex = off >> 12, inPage = off & 4095
            let n = min(count - done, Memory.pageSize - inPage)
            if let page = pages[pageIndex] {
                (dst + done).copyMemory(from: page.bytes + inPage, byteCount: n)
            } else {
                (dst + done).initializeMemory(as: UInt8.self, repeating: 0, count: n)
            }
            done += n
            off += n
        }
    }

    @usableFromInline
    mutating func copyIn(from source: UnsafeRawBufferPointer, offset: UInt64) {
        let count = source.count
        guard count > 0, let src = source.baseAddress else { return }
        var done = 0
        var off = Int(offset)
        while done < count {
            let pageIndex = off >> 12, inPage = off & 4095
            let n = min(count - done, Memory.pageSize - inPage)
            (writablePage(pageIndex) + inPage).copyMemory(from: src + done, byteCount: n)
            done += n
            off += n
        }
    }

    /// Calls `body` with the writable bytes of `offset ..< offset+count`, one
    /// page piece at a time, in order, with each piece's offset into the range.
    mutating func withWritablePieces(offset: UInt64, count: Int,
                                     _ body: (UnsafeMutableRawBufferPointer, Int) -> Void) {
        var done = 0
        var off = Int(offset)
        while done < count {
            let pageIndex = off >> 12, inPage = off & 4095
            let n = min(count - done, Memory.pageSize - inPage)
            body(UnsafeMutableRawBufferPointer(start: writablePage(pageIndex) + inPage, count: n), done)
            done += n
            off += n
        }
    }

    mutating func fill(_ byte: UInt8, offset: UInt64, count: Int) {
        var done = 0
        var off = Int(offset)
        while done < count {
            let pageIndex = off >> 12, inPage = off & 4095
            let n = min(count - done, Memory.pageSize - inPage)
            if byte == 0 && pages[pageIndex] == nil {
                // Untouched pages already read as zero.
            } else {
                (writablePage(pageIndex) + inPage).initializeMemory(as: UInt8.self, repeating: byte, count: n)
            }
            done += n
            off += n
        }
    }

    @inlinable @inline(__always)
    func loadInteger(offset: UInt64, size: Int) -> UInt64 {
        let off = Int(offset)
        let inPage = off & 4095
        if inPage + size <= Memory.pageSize {
            guard let page = pages[off >> 12] else { return 0 }
            // One unaligned little-endian load for the common sizes, not a
            // checked array access per byte.
            let raw = page.bytes + inPage
            switch size {
            case 8: return UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            case 4: return UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            case 2: return UInt64(UInt16(littleEndian: raw.loadUnaligned(as: UInt16.self)))
            case 1: return UInt64(raw.load(as: UInt8.self))
            default: break
            }
        }
        return loadSlow(offset: offset, size: size)
    }

    /// Odd sizes and values straddling a page boundary, byte by byte.
    @usableFromInline
    func loadSlow(offset: UInt64, size: Int) -> UInt64 {
        var v: UInt64 = 0
        withUnsafeTemporaryAllocation(byteCount: size, alignment: 1) { bytes in
            copyOut(offset: offset, into: bytes)
            for k in stride(from: size - 1, through: 0, by: -1) { v = (v << 8) | UInt64(bytes[k]) }
        }
        return v
    }

    @inlinable @inline(__always)
    mutating func storeInteger(_ value: UInt64, offset: UInt64, size: Int) {
        let off = Int(offset)
        let inPage = off & 4095
        if inPage + size <= Memory.pageSize {
            let raw = writablePage(off >> 12) + inPage
            switch size {
            case 8: raw.storeBytes(of: value.littleEndian, as: UInt64.self); return
            case 4: raw.storeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian, as: UInt32.self); return
            case 2: raw.storeBytes(of: UInt16(truncatingIfNeeded: value).littleEndian, as: UInt16.self); return
            case 1: raw.storeBytes(of: UInt8(truncatingIfNeeded: value), as: UInt8.self); return
            default: break
            }
        }
        storeSlow(value, offset: offset, size: size)
    }

    @usableFromInline
    mutating func storeSlow(_ value: UInt64, offset: UInt64, size: Int) {
        withUnsafeTemporaryAllocation(byteCount: size, alignment: 1) { bytes in
            var v = value
            for k in 0..<size { bytes[k] = UInt8(truncatingIfNeeded: v); v >>= 8 }
            copyIn(from: UnsafeRawBufferPointer(bytes), offset: offset)
        }
    }
}

/// A 4 KiB page. A class so that copies of a region share pages until written.
@usableFromInline
final class Page: @unchecked Sendable {
    // Written only through a uniquely referenced `MemoryRegion` (copy-on-write).
    // Raw storage, not an array: a store is then one pointer write, with no
    // array uniqueness or bounds check.
    @usableFromInline let bytes: UnsafeMutableRawPointer

    @usableFromInline
    init() {
        bytes = .allocate(byteCount: Memory.pageSize, alignment: 16)
        bytes.initializeMemory(as: UInt8.self, repeating: 0, count: Memory.pageSize)
    }

    @usableFromInline
    init(copying other: Page) {
        bytes = .allocate(byteCount: Memory.pageSize, alignment: 16)
        bytes.copyMemory(from: other.bytes, byteCount: Memory.pageSize)
    }

    deinit { bytes.deallocate() }

    var contents: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: bytes, count: Memory.pageSize) }
    var isZero: Bool { contents.allSatisfy { $0 == 0 } }
}
