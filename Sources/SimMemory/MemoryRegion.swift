/// One mapped range of a `Memory`: where it is and what it is for. Its bytes
/// live in the memory's page table, from `firstPage` on.
public struct MemoryRegion: Sendable, Equatable {
    public let base: UInt64
    public let size: UInt64
    /// What the mapping is for ("globals", "stack T2", "heap"): shown in faults.
    public let name: String
    /// Index in `Memory.pages` of this region's first page.
    @usableFromInline var firstPage: Int

    init(base: UInt64, size: UInt64, name: String, firstPage: Int) {
        self.base = base
        self.size = size
        self.name = name
        self.firstPage = firstPage
    }

    /// Pages the region spans (the last one may be partly outside it).
    var pageCount: Int { Int((size + UInt64(Memory.pageSize) - 1) >> Memory.pageShift) }

    public var end: UInt64 { base + size }

    @inlinable @inline(__always)
    func contains(_ address: UInt64) -> Bool { address >= base && address < base + size }

    /// Where the region is and what it is called; not where its pages sit in
    /// one particular memory's table.
    public static func == (a: MemoryRegion, b: MemoryRegion) -> Bool {
        a.base == b.base && a.size == b.size && a.name == b.name
    }
}

/// A 4 KiB page. A class so that copies of a memory share pages until written.
@usableFromInline
final class Page: @unchecked Sendable {
    // Written only through a uniquely referenced page table (copy-on-write).
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

    /// What every never-written page reads as; never written.
    @usableFromInline static let zero = Page()

    var contents: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: bytes, count: Memory.pageSize) }
    var isZero: Bool { contents.allSatisfy { $0 == 0 } }
}
