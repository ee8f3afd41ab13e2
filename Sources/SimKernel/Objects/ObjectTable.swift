/// The state of the kernel objects of one kind, by object id.
///
/// Object ids are small, dense and never reused, so the table is an array
/// indexed by id: a lookup is an index, not a hash (the kernel looks objects
/// up dozens of times per request).
///
/// How the kernel reads and changes its tables (this one and
/// `RequestTable`), everywhere: `table[id]` is the value or nil, like a
/// dictionary (nil when the id is of another kind of object, or unknown),
/// read in place (`table[id]?.field` copies nothing, however many
/// collections the value holds); `table.update(id) { $0.field = x }`
/// changes it in place and does nothing when there is none; `insert` adds.
struct ObjectTable<Value: Sendable>: Sendable {
    private var slots: [Value?] = []

    init() {}

    subscript(id: ObjectID) -> Value? {
        @inline(__always) _read {
            let i = id.rawValue
            if i >= 0 && i < slots.count { yield slots[i] } else { yield nil }
        }
    }

    /// Changes the value of `id` in place and returns what `body` returns;
    /// nil, and `body` is not called, if there is none. (A settable
    /// subscript's `_modify` is a coroutine that allocated its frame on every
    /// call in the hot paths; a closure inlines.)
    @inline(__always) @discardableResult
    mutating func update<R>(_ id: ObjectID, _ body: (inout Value) -> R) -> R? {
        let i = id.rawValue
        guard i >= 0 && i < slots.count && slots[i] != nil else { return nil }
        return body(&slots[i]!)
    }

    /// Stores the state of a new object.
    mutating func insert(_ value: Value, at id: ObjectID) {
        let i = id.rawValue
        guard i >= 0 else { return }
        if i >= slots.count { slots.append(contentsOf: repeatElement(nil, count: i - slots.count + 1)) }
        slots[i] = value
    }

    /// The ids that have a value, ascending.
    var ids: [ObjectID] { slots.indices.filter { slots[$0] != nil }.map(ObjectID.init(rawValue:)) }
}
