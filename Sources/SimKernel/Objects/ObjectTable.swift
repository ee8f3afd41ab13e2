/// The state of the kernel objects of one kind, by object id.
///
/// Object ids are small, dense and never reused, so the table is an array
/// indexed by id: a lookup is an index, not a hash (the kernel looks objects
/// up dozens of times per request). Reads of an id it does not hold give
/// nil, like a dictionary; `keys` lists the ids held in ascending order.
struct ObjectTable<Value: Sendable>: Sendable {
    fileprivate var slots: [Value?] = []

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

    /// Changes the value of `id` in place and returns what `body` returns;
    /// nil, and `body` is not called, if there is none. The hot paths use it
    /// rather than `self[id]!.field = x`: the subscript's `_modify` is a
    /// coroutine the optimizer does not inline, which allocates and frees a
    /// frame on every call.
    @inline(__always) @discardableResult
    mutating func update<R>(_ id: Int, _ body: (inout Value) -> R) -> R? {
        guard id >= 0 && id < slots.count && slots[id] != nil else { return nil }
        return body(&slots[id]!)
    }

    /// The ids that have a value, ascending.
    var keys: [Int] { slots.indices.filter { slots[$0] != nil } }
}

extension ObjectTable where Value == EventState {
    /// Whether `id` is an event that is signaled: a plain read, no closure
    /// (wait-any lists check it for every object they hold).
    @inline(__always)
    func isSignaled(_ id: Int) -> Bool {
        id >= 0 && id < slots.count && slots[id]?.signaled == true
    }
}
