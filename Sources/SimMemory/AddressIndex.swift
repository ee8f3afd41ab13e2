/// A hash table from page numbers to small values: the first link of each
/// page's list in the watch set's page index of buffers (`PageLists`),
/// built only when a program touches buffers in flight while many are held.
///
/// Open addressing with linear probing and a Fibonacci hash of groups of
/// keys (`home`): a lookup is a multiply, a few shifts and usually one compare, with nothing allocated once
/// the table has grown to the most keys it held (it never shrinks, so a
/// long run's memory stays flat). Removal marks the entry removed; the
/// marks are swept when they would crowd the table.
/// The standard `Dictionary` hashes with a seeded SipHash and was several
/// times slower here.
struct AddressIndex<Value: Sendable>: Sendable {
    /// A key and its value side by side: a lookup touches one cache line.
    private struct Entry: Sendable {
        var key: UInt64
        var value: Value?
    }
    /// Marks a free slot; no key reaches it (keys are addresses, or
    /// addresses shifted right, and the top of the address space is never
    /// mapped).
    private static var free: UInt64 { .max }
    /// Marks a removed entry: lookups go past it, inserts may reuse it.
    /// Removing is then one write (with completions in random order, moving
    /// the entries after it back cost more than the rest of the table).
    private static var removed: UInt64 { .max - 1 }
    private var entries: [Entry]
    private var shift: UInt64
    private(set) var count = 0
    private var removedCount = 0

    init() {
        entries = Array(repeating: Entry(key: Self.free, value: nil), count: 16)
        shift = 64 - 4
    }

    private var mask: Int { entries.count - 1 }

    /// Where `key` goes: keys that differ only in their low 3 bits (eight
    /// neighbouring blocks: an array of `OVERLAPPED`s) go to neighbouring
    /// slots, so a run of requests over an array touches few cache lines;
    /// the groups themselves are scattered by a Fibonacci hash, so keys in
    /// any stride (a page, 64 KiB) spread evenly.
    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        let group = ((key >> 3) &* 0x9E37_79B9_7F4A_7C15) >> (shift + 3)
        return Int(truncatingIfNeeded: group << 3 | key & 7)
    }

    subscript(key: UInt64) -> Value? {
        var slot = home(key)
        while true {
            let entry = entries[slot]
            if entry.key == key { return entry.value }
            if entry.key == Self.free { return nil }
            slot = (slot &+ 1) & mask
        }
    }

    /// Sets `key`'s value, adding the key if it is new.
    mutating func set(_ key: UInt64, _ value: Value) {
        _ = insert(key, value, replacing: true)
    }

    /// Adds `key` with `value` unless it is there already; nil if it was
    /// added, else the value already there.
    mutating func insertIfAbsent(_ key: UInt64, _ value: Value) -> Value? {
        insert(key, value, replacing: false)
    }

    private mutating func insert(_ key: UInt64, _ value: Value, replacing: Bool) -> Value? {
        // Free slots at least half the table: probes stay short even for
        // evenly spaced keys.
        if (count + removedCount + 1) * 2 > entries.count { rehash() }
        var slot = home(key)
        var reusable = -1
        while true {
            let k = entries[slot].key
            if k == key {
                let old = entries[slot].value
                if replacing { entries[slot].value = value }
                return old
            }
            if k == Self.free { break }
            if k == Self.removed && reusable < 0 { reusable = slot }
            slot = (slot &+ 1) & mask
        }
        if reusable >= 0 {
            slot = reusable
            removedCount -= 1
        }
        entries[slot] = Entry(key: key, value: value)
        count += 1
        return nil
    }

    /// Removes `key` if present.
    mutating func remove(_ key: UInt64) {
        var slot = home(key)
        while entries[slot].key != key {
            if entries[slot].key == Self.free { return }
            slot = (slot &+ 1) & mask
        }
        entries[slot] = Entry(key: Self.removed, value: nil)
        count -= 1
        removedCount += 1
    }

    /// Lays the entries out afresh without the removed ones, in a table
    /// twice as large when they fill more than a quarter of this one.
    private mutating func rehash() {
        let old = entries
        let size = (count + 1) * 4 > old.count ? old.count * 2 : old.count
        entries = Array(repeating: Entry(key: Self.free, value: nil), count: size)
        if size > old.count { shift -= 1 }
        count = 0
        removedCount = 0
        for entry in old where entry.key < Self.removed { _ = insert(entry.key, entry.value!, replacing: true) }
    }

    /// Every value held, in no particular order.
    func forEachValue(_ body: (Value) -> Void) {
        for entry in entries where entry.key < Self.removed { body(entry.value!) }
    }
}
