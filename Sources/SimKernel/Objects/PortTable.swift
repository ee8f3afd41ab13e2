/// The I/O completion ports, by object id, and how many packets the
/// program posted itself are queued in all of them (what
/// `KernelLimits.queuedPostedPackets` bounds).
///
/// Read and changed as the other tables are (`ports.read(id) { … }`,
/// `ports.update(id) { … }`); the operations below keep the posted count
/// right as packets come and go. Which waiter a packet goes to, and
/// waking it, is `Kernel`'s (`Kernel+Ports`): it needs the threads.
struct PortTable: Sendable {
    private var table = ObjectTable<PortState>()
    /// Packets from `PostQueuedCompletionStatus` waiting in any port.
    private(set) var queuedPostedPackets = 0

    @inline(__always)
    func read<R>(_ id: ObjectID, _ body: (PortState) -> R) -> R? { table.read(id, body) }

    @inline(__always) @discardableResult
    mutating func update<R>(_ id: ObjectID, _ body: (inout PortState) -> R) -> R? { table.update(id, body) }

    mutating func create(_ id: ObjectID, limit: Int) { table.insert(PortState(limit: limit), at: id) }

    /// Queues `packet` at the end of port `id`.
    mutating func enqueue(_ packet: CompletionPacket, on id: ObjectID) {
        table.update(id) { $0.packets.append(packet) }
        if packet.posted { queuedPostedPackets += 1 }
    }

    /// Takes the oldest packet of port `id` for a waiter it releases, which
    /// then counts as running.
    mutating func releasePacket(_ id: ObjectID) -> CompletionPacket? {
        guard let packet = table.update(id, { port -> CompletionPacket? in
            guard let packet = port.packets.popFirst() else { return nil }
            port.running += 1
            return packet
        }) ?? nil else { return nil }
        if packet.posted { queuedPostedPackets -= 1 }
        return packet
    }

    /// Takes up to `limit` packets, oldest first, for a caller that then
    /// counts as running.
    mutating func takePackets(_ id: ObjectID, upTo limit: Int) -> [CompletionPacket] {
        let taken: [CompletionPacket] = table.update(id) { port in
            var taken: [CompletionPacket] = []
            while taken.count < limit, let packet = port.packets.popFirst() { taken.append(packet) }
            port.running += 1
            return taken
        } ?? []
        queuedPostedPackets -= taken.reduce(0) { $0 + ($1.posted ? 1 : 0) }
        return taken
    }

    /// The newest entry of the port's waiter list, removed (possibly one of
    /// a wait that already ended).
    mutating func popWaiterEntry(_ id: ObjectID) -> WaitEntry? {
        table.update(id) { $0.waiters.popLast() } ?? nil
    }

    /// An associated thread left port `id`: its entry stays until enough
    /// have piled up. Returns whether to drop them now (nil: no such port).
    mutating func noteLeaver(_ id: ObjectID) -> Bool? {
        table.update(id) { port in
            port.staleAssociations += 1
            return port.staleAssociations > 16 && port.staleAssociations * 2 > port.associated.count
        }
    }

    /// Closes port `id`: its packets are dropped; returns the waiter entries
    /// and associated threads it had, nil if it is no open port.
    mutating func close(_ id: ObjectID) -> (waiters: [WaitEntry], associated: [ThreadID])? {
        guard table.read(id, { $0.closed }) == false else { return nil }
        let posted = table.read(id) { $0.packets.reduce(0) { $0 + ($1.posted ? 1 : 0) } } ?? 0
        queuedPostedPackets -= posted
        return table.update(id) { port in
            port.closed = true
            port.packets.removeAll()
            let waiters = port.waiters, associated = port.associated
            port.waiters = []
            port.associated = []
            port.staleAssociations = 0
            return (waiters, associated)
        }
    }
}
