/// The `OVERLAPPED` structures a process has passed to the kernel, by
/// address, with the program's name for each (see `OverlappedLabels`), in
/// order of first use. Bounded: a program that uses more distinct ones than
/// `capacity` gets no names for the rest (they are shown by offset alone).
struct OverlappedRegistry: Sendable, Equatable {
    static let capacity = 4_096

    private(set) var labels: [UInt64: String] = [:]
    /// Addresses, oldest first.
    private(set) var order: [UInt64] = []
    /// The call site that last named each address, so a request started
    /// again from the same place costs one lookup.
    private var sites: [UInt64: Int] = [:]

    /// True when `address` was last named at `site` (nothing to do).
    func isNamed(_ address: UInt64, at site: Int) -> Bool { sites[address] == site }

    var isFull: Bool { order.count >= Self.capacity }

    mutating func name(_ address: UInt64, _ label: String, at site: Int) {
        if labels[address] == nil {
            guard !isFull else { return }
            order.append(address)
        }
        labels[address] = label
        sites[address] = site
    }
}
