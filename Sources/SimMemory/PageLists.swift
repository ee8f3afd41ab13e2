/// The watch set's buffers by the 4 KiB pages they touch: for each page, a
/// list of slots, kept in one pool of links (reused, never shrunk) with the
/// first link of each page in an `AddressIndex`.
struct PageLists: Sendable {
    static let shift: UInt64 = 12
    /// Below this many buffers a plain scan is as quick as the index.
    static let worthBuilding = 32

    private struct Link: Sendable {
        var slot: Int32
        var next: Int32
    }
    private var heads = AddressIndex<Int32>()
    private var links: [Link] = []
    private var freeLinks: [Int32] = []

    mutating func add(_ slot: Int32, _ range: WatchSet.Range) {
        var page = range.base >> Self.shift
        while page <= (range.end - 1) >> Self.shift {
            let link = Link(slot: slot, next: heads[page] ?? -1)
            let at: Int32
            if let reused = freeLinks.popLast() {
                at = reused
                links[Int(at)] = link
            } else {
                at = Int32(links.count)
                links.append(link)
            }
            heads.set(page, at)
            page += 1
        }
    }

    mutating func remove(_ slot: Int32, _ range: WatchSet.Range) {
        var page = range.base >> Self.shift
        while page <= (range.end - 1) >> Self.shift {
            unlink(slot, page)
            page += 1
        }
    }

    private mutating func unlink(_ slot: Int32, _ page: UInt64) {
        guard var at = heads[page] else { return }
        var previous: Int32 = -1
        while at >= 0 {
            let link = links[Int(at)]
            if link.slot == slot {
                if previous >= 0 {
                    links[Int(previous)].next = link.next
                } else if link.next >= 0 {
                    heads.set(page, link.next)
                } else {
                    heads.remove(page)
                }
                freeLinks.append(at)
                return
            }
            previous = at
            at = link.next
        }
    }

    /// Calls `body` with every slot listed under the pages of `base ..< end`
    /// (a slot touching several of them more than once).
    func forEach(from base: UInt64, to end: UInt64, _ body: (Int32) -> Void) {
        var page = base >> Self.shift
        while page <= (end - 1) >> Self.shift {
            var at = heads[page] ?? -1
            while at >= 0 {
                body(links[Int(at)].slot)
                at = links[Int(at)].next
            }
            page += 1
        }
    }
}
