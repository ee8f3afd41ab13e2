/// One mapped range of a `Memory`, stored as lazily created copy-on-write pages.
public struct MemoryRegion: Sendable, Equatable {
    public let base: UInt64
    public let size: UInt64
    /// What the mapping is for ("globals", "stack T2", "heap"): shown in faults.
    public let name: String
    private var pages: [Page?]

    init(base: UInt64, size: UInt64, name: String) {
        self.base = base
        self.size = size
        self.name = name
        let count = Int((size + UInt64(Memory.pageSize) - 1) >> Memory.pageShift)
        pages = Array(repeating: nil, count: count)
    }

    public var end: UInt64 { base + size }

    @inline(__always)
    func contains(_ address: UInt64) -> Bool { address >= base && address < base + size }

    var residentPages: Int { pages.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    public static func == (a: MemoryRegion, b: MemoryRegion) -> Bool {
        guard a.base == b.base, a.size == b.size, a.name == b.name else { return false }
        for i in a.pages.indices {
            switch (a.pages[i], b.pages[i]) {
            case (nil, nil): continue
            case let (x?, y?): if x !== y && x.bytes != y.bytes { return false }
            case let (x?, nil): if x.bytes.contains(where: { $0 != 0 }) { return false }
            case let (nil, y?): if y.bytes.contains(where: { $0 != 0 }) { return false }
            }
        }
        return true
    }

    /// Returns the page for writing, creating or un-sharing it first.
    @inline(__always)
    private mutating func writablePage(_ index: Int) -> Page {
        guard pages[index] != nil else {
            let page = Page()
            pages[index] = page
            return page
        }
        // No local reference to the page before this check: one would make
        // every page look shared and copy it on every store.
        if !isKnownUniquelyReferenced(&pages[index]!) { pages[index] = Page(copying: pages[index]!) }
        return pages[index]!
    }

    func read(offset: UInt64, count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        var off = Int(offset)
        while done < count {
            let pageIndex = off >> 12, inPage = off & 4095
            let n = min(count - done, Memory.pageSize - inPage)
            if let page = pages[pageIndex] {
                // Bulk copies: a byte loop is too slow for megabyte transfers.
                out.withUnsafeMutableBytes { dst in
                    page.bytes.withUnsafeBytes { src in
                        dst.baseAddress!.advanced(by: done).copyMemory(from: src.baseAddress!.advanced(by: inPage), byteCount: n)
                    }
                }
            }
            done += n
            off += n
        }
        return out
    }

    mutating func write(_ bytes: [UInt8], offset: UInt64) {
        var done = 0
        var off = Int(offset)
        while done < bytes.count {
            let pageIndex = off >> 12, inPage = off & 4095
            let n = min(bytes.count - done, Memory.pageSize - inPage)
            let page = writablePage(pageIndex)
            page.bytes.withUnsafeMutableBytes { dst in
                bytes.withUnsafeBytes { src in
                    dst.baseAddress!.advanced(by: inPage).copyMemory(from: src.baseAddress!.advanced(by: done), byteCount: n)
                }
            }
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
                let page = writablePage(pageIndex)
                for k in 0..<n { page.bytes[inPage + k] = byte }
            }
            done += n
            off += n
        }
    }

    @inline(__always)
    func loadInteger(offset: UInt64, size: Int) -> UInt64 {
        let off = Int(offset)
        let inPage = off & 4095
        if inPage + size <= Memory.pageSize {
            guard let page = pages[off >> 12] else { return 0 }
            // One unaligned little-endian load for the common sizes, not a
            // checked array access per byte.
            return page.bytes.withUnsafeBytes { raw in
                switch size {
                case 8: return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: inPage, as: UInt64.self))
                case 4: return UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: inPage, as: UInt32.self)))
                case 2: return UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: inPage, as: UInt16.self)))
                case 1: return UInt64(raw[inPage])
                default:
                    var v: UInt64 = 0
                    for k in stride(from: size - 1, through: 0, by: -1) { v = (v << 8) | UInt64(raw[inPage + k]) }
                    return v
                }
            }
        }
        let bytes = read(offset: offset, count: size)
        var v: UInt64 = 0
        for k in stride(from: size - 1, through: 0, by: -1) { v = (v << 8) | UInt64(bytes[k]) }
        return v
    }

    @inline(__always)
    mutating func storeInteger(_ value: UInt64, offset: UInt64, size: Int) {
        let off = Int(offset)
        let inPage = off & 4095
        if inPage + size <= Memory.pageSize {
            let page = writablePage(off >> 12)
            page.bytes.withUnsafeMutableBytes { raw in
                switch size {
                case 8: raw.storeBytes(of: value.littleEndian, toByteOffset: inPage, as: UInt64.self)
                case 4: raw.storeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian, toByteOffset: inPage, as: UInt32.self)
                case 2: raw.storeBytes(of: UInt16(truncatingIfNeeded: value).littleEndian, toByteOffset: inPage, as: UInt16.self)
                case 1: raw[inPage] = UInt8(truncatingIfNeeded: value)
                default:
                    var v = value
                    for k in 0..<size { raw[inPage + k] = UInt8(truncatingIfNeeded: v); v >>= 8 }
                }
            }
            return
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var v = value
        for k in 0..<size { bytes[k] = UInt8(truncatingIfNeeded: v); v >>= 8 }
        write(bytes, offset: offset)
    }
}

/// A 4 KiB page. A class so that copies of a region share pages until written.
final class Page: @unchecked Sendable {
    // Mutated only through a uniquely referenced `MemoryRegion` (copy-on-write),
    // never while another access to it is open: the runtime exclusivity
    // check on every load and store is not needed.
    @exclusivity(unchecked) var bytes: [UInt8]
    init() { bytes = [UInt8](repeating: 0, count: Memory.pageSize) }
    init(copying other: Page) { bytes = other.bytes }
}
