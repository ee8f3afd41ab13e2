/// Records indexed by an id that never dangles: threads and kernel objects
/// are appended and never removed, so every id the kernel holds names a
/// record and a lookup is a plain array index. (Tables whose entries may be
/// missing, `ObjectTable` and `RequestTable`, answer nil instead.)
///
/// Slot 0 holds a placeholder (the idle thread, an unused object): ids
/// start at 1, as a handle's object or a thread's id never is 0.
struct DenseTable<ID: KernelID, Record: Sendable>: Sendable {
    private(set) var records: [Record]

    init(placeholder: Record) { records = [placeholder] }

    subscript(id: ID) -> Record {
        @inline(__always) _read { yield records[id.rawValue] }
        @inline(__always) _modify { yield &records[id.rawValue] }
    }

    /// Whether `id` names a record other than the placeholder.
    @inline(__always)
    func contains(_ id: ID) -> Bool { id.rawValue > 0 && id.rawValue < records.count }

    /// The id the next appended record gets.
    var nextID: ID { ID(rawValue: records.count) }

    /// Appends `record` and returns its id.
    @discardableResult
    mutating func append(_ record: Record) -> ID {
        records.append(record)
        return ID(rawValue: records.count - 1)
    }

    /// Every record but the placeholder, in id order.
    var all: ArraySlice<Record> { records.dropFirst() }
}

extension DenseTable {
    /// The records as one mutable buffer, for a loop that changes many of
    /// them: one uniqueness check instead of one per record. Index it with
    /// `id.rawValue`.
    @inline(__always)
    mutating func withMutableRecords<R>(_ body: (inout UnsafeMutableBufferPointer<Record>) -> R) -> R {
        records.withUnsafeMutableBufferPointer(body)
    }
}
