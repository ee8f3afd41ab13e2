/// The watch set's `OVERLAPPED`s of requests in flight, by the 32-byte block
/// their first byte is in: two that do not overlap never start in one
/// block, so a block holds one at most, and the one holding an address
/// starts in its block or the block before.
///
/// Blocks are grouped in lines of eight (256 bytes), and the table holds
/// one entry per line with an `OVERLAPPED` in it: the line's number, a word
/// with one byte per block (0, or 1 + where in the block the `OVERLAPPED`
/// starts) and the eight requests. Programs keep their `OVERLAPPED`s in
/// arrays and structures side by side, so one entry, one probe and one
/// cache line usually answer for a whole run of them; an `OVERLAPPED` alone
/// costs no more than an entry of its own.
///
/// Open addressing with linear probing and a Fibonacci hash of the line,
/// at most half full; removing an entry moves the ones after it back, so
/// no marks pile up and a lookup that misses stops at the first free key.
/// The memory is this table's own (its owner, `WatchSet`, a class the
/// address space copies explicitly, calls `copy()` and `deallocate()`):
/// array storage would check uniqueness and bounds on every write on the
/// path every request takes twice. It never shrinks, so a long run's
/// memory stays flat once it has held the most requests it will.
struct OverlappedTable {
    struct Entry {
        /// The `OVERLAPPED`'s first byte.
        var base: UInt64
        var request: Int
    }
    static let blockShift: UInt64 = 5
    static let lineShift: UInt64 = 8
    /// A free key; no line reaches it (`canHold` refuses such addresses).
    private static let free = UInt64.max

    /// Entry i is the ten words from `words + i * stride`: the line (or
    /// `free`), a byte per block (0, or 1 + where in the block its
    /// `OVERLAPPED` starts), then the eight blocks' requests. Side by side,
    /// so filing or finding one touches one or two cache lines.
    private var words: UnsafeMutablePointer<UInt64>
    private static let stride = 10
    private var capacity: Int
    private var shift: UInt64
    /// Lines held.
    private var lines = 0

    init() {
        capacity = 16
        shift = 64 - 4
        words = Self.allocateEntries(capacity)
    }

    private static func allocateEntries(_ capacity: Int) -> UnsafeMutablePointer<UInt64> {
        let words = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity * stride)
        words.initialize(repeating: 0, count: capacity * stride)
        for i in 0 ..< capacity { words[i * stride] = free }
        return words
    }

    @inline(__always) private func key(_ i: Int) -> UInt64 { words[i &* Self.stride] }
    @inline(__always) private func startsWord(_ i: Int) -> UInt64 { words[i &* Self.stride &+ 1] }
    @inline(__always) private func request(_ i: Int, _ b: Int) -> Int { Int(bitPattern: UInt(words[i &* Self.stride &+ 2 &+ b])) }

    /// A table with the same entries in memory of its own.
    func copy() -> OverlappedTable {
        var other = self
        other.words = .allocate(capacity: capacity * Self.stride)
        other.words.initialize(from: words, count: capacity * Self.stride)
        return other
    }

    /// Frees the entries; the table must not be used after.
    func deallocate() {
        words.deallocate()
    }

    /// Whether an `OVERLAPPED` can start at `address` (not at the very top
    /// of the address space, whose line would be the free key).
    @inline(__always)
    static func canHold(_ address: UInt64) -> Bool { address >> lineShift != free >> lineShift }

    @inline(__always)
    private func home(_ line: UInt64) -> Int {
        Int(truncatingIfNeeded: (line &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The entry of `line`, or -1.
    @inline(__always)
    private func find(_ line: UInt64) -> Int {
        let mask = capacity &- 1
        var i = home(line)
        while true {
            let k = key(i)
            if k == line { return i }
            if k == Self.free { return -1 }
            i = (i &+ 1) & mask
        }
    }

    /// Block `b`'s `OVERLAPPED` in entry `i`, if it has one.
    @inline(__always)
    private func start(_ i: Int, _ b: Int) -> Entry? {
        let byte = (startsWord(i) >> UInt64(b &* 8)) & 0xFF
        guard byte != 0 else { return nil }
        let base = key(i) << Self.lineShift | UInt64(b) << Self.blockShift | (byte &- 1)
        return Entry(base: base, request: request(i, b))
    }

    /// The `OVERLAPPED` starting in `block`, if any.
    func entry(inBlock block: UInt64) -> Entry? {
        let line = block >> (Self.lineShift - Self.blockShift)
        guard line != Self.free >> Self.lineShift else { return nil }
        let i = find(line)
        return i < 0 ? nil : start(i, Int(truncatingIfNeeded: block & 7))
    }

    /// The `OVERLAPPED` holding `address`: the one starting in its block at
    /// or below it, else the one starting in the block before and reaching
    /// it. With both, the older request's (the lower id).
    func holding(_ address: UInt64) -> Entry? {
        let line = address >> Self.lineShift
        guard line != Self.free >> Self.lineShift else { return nil }
        let b = Int(truncatingIfNeeded: (address >> Self.blockShift) & 7)
        let i = find(line)
        var best: Entry?
        if i >= 0, let e = start(i, b), e.base <= address { best = e }
        var before: Entry?
        if b > 0 {
            if i >= 0 { before = start(i, b &- 1) }
        } else if line > 0 {
            let j = find(line &- 1)
            if j >= 0 { before = start(j, 7) }
        }
        if let e = before, address < e.base &+ 32, best.map({ e.request < $0.request }) ?? true { best = e }
        return best
    }

    /// Whether an `OVERLAPPED` held here covers `address`: `holding` for
    /// the VM's probe of a store, which only needs yes or no and mostly
    /// hears no.
    @inline(__always)
    func holds(_ address: UInt64) -> Bool {
        let line = address >> Self.lineShift
        guard line != Self.free >> Self.lineShift else { return false }
        let b = (address >> Self.blockShift) & 7
        let i = find(line)
        if i >= 0 {
            let word = startsWord(i)
            let own = (word >> (b &* 8)) & 0xFF
            if own != 0 && (line << Self.lineShift | b << Self.blockShift | (own &- 1)) <= address { return true }
            if b > 0 {
                let before = (word >> ((b &- 1) &* 8)) & 0xFF
                return before != 0 && address < (line << Self.lineShift | (b &- 1) << Self.blockShift | (before &- 1)) &+ 32
            }
        } else if b > 0 {
            return false
        }
        // The first block of a line: the one before is the last of the line before.
        guard line > 0 else { return false }
        let j = find(line &- 1)
        guard j >= 0 else { return false }
        let before = startsWord(j) >> 56
        return before != 0 && address < ((line &- 1) << Self.lineShift | 7 << Self.blockShift | (before &- 1)) &+ 32
    }

    /// Files the `OVERLAPPED` at `base` for `request` unless one already
    /// starts in its block: nil when filed, else that one.
    @inline(__always)
    mutating func insert(_ base: UInt64, request: Int) -> Entry? {
        let line = base >> Self.lineShift
        let b = Int(truncatingIfNeeded: (base >> Self.blockShift) & 7)
        var i = find(line)
        if i >= 0 {
            if let e = start(i, b) { return e }
        } else {
            if (lines + 1) * 2 > capacity { grow() }
            i = home(line)
            let mask = capacity &- 1
            while key(i) != Self.free { i = (i &+ 1) & mask }
            words[i &* Self.stride] = line
            words[i &* Self.stride &+ 1] = 0
            lines += 1
        }
        words[i &* Self.stride &+ 1] |= ((base & 31) &+ 1) << UInt64(b &* 8)
        words[i &* Self.stride &+ 2 &+ b] = UInt64(UInt(bitPattern: request))
        return nil
    }

    /// Removes the entry of `request`'s `OVERLAPPED` at `base`; false when
    /// there is none (another request's entry is left alone).
    @inline(__always)
    mutating func remove(_ base: UInt64, request: Int) -> Bool {
        let line = base >> Self.lineShift
        guard line != Self.free >> Self.lineShift else { return false }
        let b = Int(truncatingIfNeeded: (base >> Self.blockShift) & 7)
        let i = find(line)
        guard i >= 0 else { return false }
        let shift = UInt64(b &* 8)
        let word = startsWord(i)
        guard (word >> shift) & 0xFF == (base & 31) &+ 1, self.request(i, b) == request else { return false }
        words[i &* Self.stride &+ 1] = word & ~(0xFF << shift)
        if startsWord(i) == 0 { removeLine(at: i) }
        return true
    }

    /// Frees entry `i`, moving back the entries after it that would no
    /// longer be found past the gap.
    @inline(never)
    private mutating func removeLine(at removed: Int) {
        let mask = capacity &- 1
        var gap = removed
        var j = removed
        while true {
            j = (j &+ 1) & mask
            let k = key(j)
            if k == Self.free { break }
            let h = home(k)
            // Entry j stays when its home lies cyclically in (gap, j].
            let stays = gap <= j ? (gap < h && h <= j) : (gap < h || h <= j)
            if stays { continue }
            (words + gap &* Self.stride).update(from: words + j &* Self.stride, count: Self.stride)
            gap = j
        }
        words[gap &* Self.stride] = Self.free
        lines -= 1
    }

    /// Every `OVERLAPPED` held, in no particular order.
    func forEach(_ body: (Entry) -> Void) {
        for i in 0 ..< capacity where key(i) != Self.free {
            for b in 0 ..< 8 {
                if let e = start(i, b) { body(e) }
            }
        }
    }

    /// Moves the entries to a table twice as large.
    @inline(never)
    private mutating func grow() {
        let old = words, oldCapacity = capacity
        capacity *= 2
        shift -= 1
        words = Self.allocateEntries(capacity)
        let mask = capacity &- 1
        for o in 0 ..< oldCapacity where old[o &* Self.stride] != Self.free {
            var i = home(old[o &* Self.stride])
            while key(i) != Self.free { i = (i &+ 1) & mask }
            (words + i &* Self.stride).update(from: old + o &* Self.stride, count: Self.stride)
        }
        old.deallocate()
    }
}
