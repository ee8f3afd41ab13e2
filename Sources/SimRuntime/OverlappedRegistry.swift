/// The `OVERLAPPED` structures a process has passed to the kernel, by
/// address, with the program's name for each (see `OverlappedLabels`), in
/// order of first use. Bounded: a program that uses more distinct ones than
/// `capacity` gets no names for the rest (they are shown by offset alone).
struct OverlappedRegistry: Sendable, Equatable {
    static let capacity = 4_096

    struct Entry: Sendable, Equatable {
        var label: String
        /// The call site that named it, so a request started again from the
        /// same place costs one lookup.
        var site: Int
    }

    private(set) var entries: [UInt64: Entry] = [:]
    /// Addresses, oldest first.
    private(set) var order: [UInt64] = []

    /// The program's name for the `OVERLAPPED` at `address`, if known.
    func label(_ address: UInt64) -> String? { entries[address]?.label }

    /// True when there is nothing to note for `address` used at `site`:
    /// named there already, or new when the registry is full.
    func needsNoName(_ address: UInt64, at site: Int) -> Bool {
        guard let entry = entries[address] else { return order.count >= Self.capacity }
        return entry.site == site
    }

    mutating func name(_ address: UInt64, _ label: String, at site: Int) {
        if entries[address] == nil {
            guard order.count < Self.capacity else { return }
            order.append(address)
        }
        entries[address] = Entry(label: label, site: site)
    }
}
