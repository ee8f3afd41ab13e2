import SimKernel
import SimMemory
import Testing

/// The watch set against a plain list of ranges: random adds and removes,
/// and after each one every question the VM and the kernel ask.
@Suite struct WatchSetTests {
    /// The model: the ranges held, in the order added.
    struct Model {
        var ranges: [WatchSet.Range] = []
        var slots: [WatchSet.Slot] = []

        func containing(_ address: UInt64, role: WatchSet.Role) -> WatchSet.Range? {
            ranges.filter { $0.role == role && $0.base <= address && address < $0.end }.min { $0.request < $1.request }
        }

        func overlapped(at address: UInt64) -> WatchSet.Range? {
            ranges.filter { $0.role == .overlapped && $0.base == address }.min { $0.request < $1.request }
        }

        func firstOverlap(_ base: UInt64, _ end: UInt64) -> WatchSet.Range? {
            let overlapping = ranges.filter { $0.base < end && base < $0.end }
            let preferred = overlapping.filter { $0.role == .overlapped }
            return (preferred.isEmpty ? overlapping : preferred).min { ($0.base, $0.request) < ($1.base, $1.request) }
        }
    }

    @Test func answersAsAPlainListDoes() {
        var rng = SplitMix64(seed: 7)
        let set = WatchSet()
        var model = Model()
        var nextRequest = 1
        let arena: UInt64 = 0x10_0000
        for step in 0..<1500 {
            if model.ranges.isEmpty || rng.next() % 3 != 0 {
                let role: WatchSet.Role = [.overlapped, .readBuffer, .writeBuffer][Int(rng.next() % 3)]
                // OVERLAPPEDs 8-aligned and 32 bytes; buffers anywhere, up to 3 pages.
                let base = role == .overlapped ? arena + (rng.next() % 2048) * 8 : arena + rng.next() % 20_000
                let length: UInt64 = role == .overlapped ? 32 : 1 + rng.next() % 12_288
                let range = WatchSet.Range(base: base, end: base + length, role: role, request: nextRequest)
                nextRequest += 1
                let added = set.add(range)
                // A second OVERLAPPED at an address is reported with the oldest one there.
                if range.role == .overlapped { #expect(added.sameAddress == model.overlapped(at: range.base)) }
                model.slots.append(added.slot)
                model.ranges.append(range)
            } else {
                let at = Int(rng.next() % UInt64(model.ranges.count))
                let (slot, r) = (model.slots.remove(at: at), model.ranges.remove(at: at))
                if rng.next() % 2 == 0 {
                    set.remove(slot, base: r.base, request: r.request)
                } else if r.role == .overlapped {
                    // The kernel's way: both of a request's slots at once.
                    set.release(request: r.request, overlapped: slot, at: r.base, buffer: .none, at: 0)
                } else {
                    set.release(request: r.request, overlapped: .none, at: 0, buffer: slot, at: r.base)
                }
            }
            #expect(set.count == model.ranges.count, "step \(step)")
            for _ in 0..<8 {
                let address = arena + rng.next() % 32_000
                #expect(set.range(containing: address, role: .overlapped) == model.containing(address, role: .overlapped))
                #expect(set.holdsOverlapped(address) == (model.containing(address, role: .overlapped) != nil))
                #expect(set.range(containing: address, role: .readBuffer) == model.containing(address, role: .readBuffer))
                #expect(set.pendingOverlapped(at: address & ~7) == model.overlapped(at: address & ~7))
                let span = 1 + rng.next() % 9000
                #expect(set.firstOverlap(address, address + span) == model.firstOverlap(address, address + span),
                        "step \(step) at \(address) span \(span)")
            }
        }
        // Emptied, it answers nothing and its bounds are reset.
        for (slot, r) in zip(model.slots, model.ranges) { set.remove(slot, base: r.base, request: r.request) }
        #expect(set.isEmpty)
        #expect(set.bounds == WatchSet.Bounds())
        #expect(set.firstOverlap(arena, arena + 40_000) == nil)
    }

    /// Thousands of OVERLAPPEDs scattered over 64 MiB and crowded into a few
    /// lines: the table grows, and removals in random order move entries
    /// back, and every one is still found exactly where it is.
    @Test func scatteredAndCrowdedOverlappedsAreFound() {
        var rng = SplitMix64(seed: 11)
        let set = WatchSet()
        var model = Model()
        var nextRequest = 1
        for step in 0..<6000 {
            if model.ranges.count < 2000 && (model.ranges.isEmpty || rng.next() % 5 < 3) {
                let crowded = rng.next() % 2 == 0
                let base = crowded ? 0x4000_0000 + (rng.next() % 512) * 32 : 0x4000_0000 + (rng.next() % 0x20_0000) * 32
                let range = WatchSet.Range(base: base, end: base + 32, role: .overlapped, request: nextRequest)
                nextRequest += 1
                let added = set.add(range)
                #expect(added.sameAddress == model.overlapped(at: base), "step \(step)")
                model.slots.append(added.slot)
                model.ranges.append(range)
            } else {
                let at = Int(rng.next() % UInt64(model.ranges.count))
                set.remove(model.slots.remove(at: at), base: model.ranges[at].base, request: model.ranges[at].request)
                model.ranges.remove(at: at)
            }
            if step % 10 == 0, !model.ranges.isEmpty {
                let probe = model.ranges[Int(rng.next() % UInt64(model.ranges.count))]
                let address = probe.base + rng.next() % 40
                #expect(set.range(containing: address, role: .overlapped) == model.containing(address, role: .overlapped),
                        "step \(step) at \(address)")
                #expect(set.pendingOverlapped(at: probe.base) == model.overlapped(at: probe.base))
                let near = probe.base &- 40 &+ rng.next() % 80
                #expect(set.holdsOverlapped(near) == (model.containing(near, role: .overlapped) != nil), "step \(step) at \(near)")
            }
        }
        #expect(set.count == model.ranges.count)
    }

    @Test func twoOverlappedsAtOneAddressAreHeldApart() {
        let set = WatchSet()
        let a = WatchSet.Range(base: 0x2000, end: 0x2020, role: .overlapped, request: 1)
        let b = WatchSet.Range(base: 0x2000, end: 0x2020, role: .overlapped, request: 2)
        let slotA = set.add(a).slot
        let (slotB, same) = set.add(b)
        #expect(same == a)
        #expect(set.pendingOverlapped(at: 0x2000) == a)
        #expect(set.range(containing: 0x201F, role: .overlapped) == a)
        set.remove(slotA, base: 0x2000, request: 1)
        #expect(set.pendingOverlapped(at: 0x2000) == b)
        set.remove(slotA, base: 0x2000, request: 1)
        #expect(set.count == 1)
        set.remove(slotB, base: 0x2000, request: 2)
        #expect(set.pendingOverlapped(at: 0x2000) == nil)
        #expect(set.add(WatchSet.Range(base: 5, end: 5, role: .readBuffer, request: 3)).slot == .none)
    }
}
