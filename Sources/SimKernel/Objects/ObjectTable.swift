/// The state of the kernel objects of one kind, by object id.
///
/// Object ids are small, dense and never reused, so the table is an array
/// indexed by id: a lookup is an index, not a hash (the kernel looks objects
/// up dozens of times per request). Reads of an id it does not hold give
/// nil, like a dictionary; `keys` lists the ids held in ascending order.
struct ObjectTable<Value: Sendable>: Sendable {
    private var slots: [Value?] = []

    init() {}

    subscript(id: Int) -> Value? {
        get { id >= 0 && id < slots.count ? slots[id] : nil }
        _modify {
            if id < 0 {
                // Never an object id; behave as an absent entry.
                var absent: Value? = nil
                yield &absent
            } else {
                if id >= slots.count { slots.append(contentsOf: repeatElement(nil, count: id - slots.count + 1)) }
                yield &slots[id]
            }
        }
    }

    /// `read` applied to the value of `id` in place, nil if there is none.
    /// Unlike `self[id]?.field`, it copies no value: for a value holding
    /// collections the copy retains and releases every one of them.
    @inline(__always)
    func peek<T>(_ id: Int, _ read: (Value) -> T) -> T? {
        guard id >= 0 && id < slots.count else { return nil }
        return slots[id].map(read)
    }

    /// The ids that have a value, ascending.
    var keys: [Int] { slots.indices.filter { slots[$0] != nil } }
}
