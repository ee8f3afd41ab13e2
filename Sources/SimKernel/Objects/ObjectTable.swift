/// The state of the kernel objects of one kind, by object id.
///
/// Object ids are small, dense and never reused, so the table is an array
/// indexed by id: a lookup is an index, not a hash (the kernel looks objects
/// up dozens of times per request).
///
/// How the kernel reads and changes its sparse tables (this one,
/// `RequestTable`, `PortTable`), everywhere: `table.read(id) { $0.field }`
/// reads in place and gives nil when there is no value (the id is of
/// another kind of object, or unknown), like a dictionary's optional;
/// `table.update(id) { $0.field = x }` changes in place and does nothing
/// when there is none; `insert` adds. Both take closures rather than being
/// a subscript: they inline, and copy nothing however many collections the
/// value holds, where an optional subscript's accessor was a coroutine that
/// was not inlined and copied the value out (retaining every collection in
/// it) on each read.
struct ObjectTable<Value: Sendable>: Sendable {
    private var slots: [Value?] = []

    init() {}

    /// What `body` makes of the value of `id`, read in place; nil, and
    /// `body` is not called, if there is none.
    @inline(__always)
    func read<R>(_ id: ObjectID, _ body: (Value) -> R) -> R? {
        let i = id.rawValue
        guard i >= 0 && i < slots.count else { return nil }
        return slots[i].map(body)
    }

    /// Changes the value of `id` in place and returns what `body` returns;
    /// nil, and `body` is not called, if there is none.
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
