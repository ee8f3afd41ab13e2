/// The storage behind a `Memory`: its regions, one page table for all of
/// them, and a small translation cache. `Memory` is a copy-on-write handle
/// to it.
///
/// Invariants: it is changed only by a `Memory` that holds the sole
/// reference (a shared one is copied first), so two memories never see each
/// other's changes. Region r's page k is `table[regions[r].firstPage + k]`;
/// nil is a page never written, which reads as zero. Every cache entry
/// (`Window`) describes a page this object's table holds right now: its
/// bytes pointer is that page's (or the shared zero page's for a nil slot),
/// so a read through it needs no other check. Writes still check that the
/// page itself is not shared with another address space.
@usableFromInline
final class AddressSpace: @unchecked Sendable {
    // @unchecked: mutated only through a uniquely referenced `Memory`.
    @usableFromInline static let windowCount = 16

    /// The space of every new `Memory`: shared, so never changed in place.
    static let empty = AddressSpace()

    /// Regions sorted by base address.
    @exclusivity(unchecked) var regions: [MemoryRegion] = []
    /// Pending I/O's ranges (see `Memory+Watch`): here so a `Memory` stays one reference.
    /// A constant reference (copied whole with the space), so calling it retains nothing.
    let watch: WatchSet
    /// `watch.bounds`, kept beside it so the VM's inlined checks read plain
    /// words (reading `watch` from another module copies the whole set).
    @exclusivity(unchecked) @usableFromInline var watchBounds = WatchSet.Bounds()
    @exclusivity(unchecked) @usableFromInline var table: UnsafeMutablePointer<Page?>
    @exclusivity(unchecked) var pageCount = 0
    @exclusivity(unchecked) var tableCapacity: Int
    /// Indexes into `regions` of the last two regions hit: most lookups stay
    /// in one or alternate between two.
    @exclusivity(unchecked) var lastHit = 0
    @exclusivity(unchecked) var previousHit = 0
    /// The translation cache: entry `windowIndex(a)` may describe the page
    /// holding address `a`.
    @usableFromInline let windows: UnsafeMutablePointer<Window>

    /// The mapped part of one page: addresses `start ..< start + limit` (never
    /// more than a page, never past its region). `limit` 0 is an empty entry.
    @usableFromInline
    struct Window {
        @usableFromInline var start: UInt64 = 0
        @usableFromInline var limit: UInt64 = 0
        /// The page's bytes (the zero page's while the slot is nil: never written through).
        @usableFromInline var bytes: UnsafeMutableRawPointer?
        /// The page's index in `table`.
        @usableFromInline var slot = 0

        @usableFromInline init() {}

        /// The offset of `address` into the window when `count` bytes from
        /// it lie wholly inside, else nil.
        @inlinable @inline(__always)
        func offset(_ address: UInt64, _ count: Int) -> Int? {
            let off = address &- start
            // off < limit ≤ 4096 first, so the sum cannot wrap for any count ≥ 0.
            guard off < limit, count >= 0, off &+ UInt64(truncatingIfNeeded: count) <= limit else { return nil }
            return Int(truncatingIfNeeded: off)
        }
    }

    /// Which cache entry may hold `address`'s page: a multiplicative hash
    /// of the page number, so pages at regular strides (every thread's
    /// stack top, 2 MiB apart) spread over the entries. The top four bits
    /// pick one of the 16 (`windowCount`).
    @inlinable @inline(__always)
    static func windowIndex(_ address: UInt64) -> Int {
        Int(truncatingIfNeeded: ((address >> 12) &* 0x9E37_79B9_7F4A_7C15) >> 60)
    }

    init() {
        watch = WatchSet()
        tableCapacity = 16
        table = .allocate(capacity: tableCapacity)
        windows = .allocate(capacity: AddressSpace.windowCount)
        windows.initialize(repeating: Window(), count: AddressSpace.windowCount)
    }

    /// A copy sharing every page (until one side writes it), with an empty cache.
    @usableFromInline
    init(copying other: AddressSpace) {
        regions = other.regions
        watch = other.watch.copy()
        watchBounds = other.watchBounds
        pageCount = other.pageCount
        tableCapacity = max(16, other.pageCount)
        table = .allocate(capacity: tableCapacity)
        table.initialize(from: other.table, count: other.pageCount)
        lastHit = other.lastHit
        previousHit = other.previousHit
        windows = .allocate(capacity: AddressSpace.windowCount)
        windows.initialize(repeating: Window(), count: AddressSpace.windowCount)
    }

    deinit {
        table.deinitialize(count: pageCount)
        table.deallocate()
        windows.deinitialize(count: AddressSpace.windowCount)
        windows.deallocate()
    }

    var pages: UnsafeMutableBufferPointer<Page?> { UnsafeMutableBufferPointer(start: table, count: pageCount) }

    func forgetWindows() {
        windows.update(repeating: Window(), count: AddressSpace.windowCount)
    }

    /// Inserts `count` never-written pages before slot `at`.
    func insertPages(_ count: Int, at slot: Int) {
        if pageCount + count > tableCapacity {
            let capacity = max(pageCount + count, tableCapacity * 2)
            let grown = UnsafeMutablePointer<Page?>.allocate(capacity: capacity)
            grown.moveInitialize(from: table, count: pageCount)
            table.deallocate()
            table = grown
            tableCapacity = capacity
        }
        (table + slot + count).moveInitialize(from: table + slot, count: pageCount - slot)
        (table + slot).initialize(repeating: nil, count: count)
        pageCount += count
    }

    /// Drops the `count` pages from slot `at`.
    func removePages(_ count: Int, at slot: Int) {
        (table + slot).deinitialize(count: count)
        (table + slot).moveInitialize(from: table + slot + count, count: pageCount - slot - count)
        pageCount -= count
    }

    /// Returns the page in `slot` for writing, creating or un-sharing it first.
    @inlinable @inline(__always)
    func writablePage(_ slot: Int) -> UnsafeMutableRawPointer {
        // No local reference to the page before this check: one would make
        // every page look shared and copy it on every store.
        if table[slot] != nil, isKnownUniquelyReferenced(&table[slot]!) { return table[slot].unsafelyUnwrapped.bytes }
        return replacePage(slot)
    }

    /// Puts a fresh page (zero, or a copy of the shared one) in `slot` and
    /// points the cache entries for it there.
    @usableFromInline
    func replacePage(_ slot: Int) -> UnsafeMutableRawPointer {
        let page = table[slot].map { Page(copying: $0) } ?? Page()
        table[slot] = page
        for i in 0 ..< AddressSpace.windowCount where windows[i].limit != 0 && windows[i].slot == slot {
            windows[i].bytes = page.bytes
        }
        return page.bytes
    }

    func regionIndex(containing address: UInt64) -> Int? {
        if lastHit < regions.count, regions[lastHit].contains(address) { return lastHit }
        if previousHit < regions.count, regions[previousHit].contains(address) { return previousHit }
        // Binary search: regions are sorted and disjoint.
        return regions.withUnsafeBufferPointer { regions in
            var lo = 0, hi = regions.count - 1
            while lo <= hi {
                let mid = (lo + hi) / 2
                if address < regions[mid].base { hi = mid - 1 } else if address >= regions[mid].end { lo = mid + 1 } else { return mid }
            }
            return nil
        }
    }

    func noteHit(_ i: Int) {
        if i != lastHit {
            previousHit = lastHit
            lastHit = i
        }
    }

    /// Makes the page holding `offset` of region `r` the cache entry for its addresses.
    func cacheWindow(region r: Int, offset: UInt64) {
        let pageOffset = offset & ~UInt64(Memory.pageSize - 1)
        var w = Window()
        w.start = regions[r].base + pageOffset
        w.limit = min(UInt64(Memory.pageSize), regions[r].size - pageOffset)
        w.slot = regions[r].firstPage + Int(offset >> Memory.pageShift)
        w.bytes = table[w.slot]?.bytes ?? Page.zero.bytes
        windows[AddressSpace.windowIndex(regions[r].base + offset)] = w
    }
}
