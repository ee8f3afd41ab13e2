/// The kernel objects: every object's common record (kind, label, handle
/// count, the threads waiting on it) and the state of the synchronization
/// objects by kind (events, semaphores, mutexes), plus which thread a
/// thread object stands for.
///
/// File objects and ports are objects too; their state is kept with the
/// part that works on it (`IOSystem.files`, `PortTable`). Waiting, which
/// needs the threads, is `Kernel`'s (`Kernel+Waits`).
struct ObjectStore: Sendable {
    /// Index = object id; slot 0 unused. Ids are never reused.
    private var records = DenseTable<ObjectID, KernelObject>(placeholder: KernelObject(kind: .process, alive: false))
    var events = ObjectTable<EventState>()
    var semaphores = ObjectTable<SemaphoreState>()
    var mutexes = ObjectTable<MutexState>()
    /// Thread object id → thread id.
    var threadOfObject = ObjectTable<ThreadID>()

    subscript(id: ObjectID) -> KernelObject {
        @inline(__always) _read { yield records[id] }
        @inline(__always) _modify { yield &records[id] }
    }

    /// Adds an object of `kind`; its kind-specific state is stored by the caller.
    mutating func create(_ kind: ObjectRef.Kind, label: String? = nil) -> ObjectID {
        records.append(KernelObject(kind: kind, label: label))
    }

    /// Every object id, ascending.
    var ids: [ObjectID] { (1 ..< records.records.count).map(ObjectID.init(rawValue:)) }

    /// The records as one mutable buffer (see `DenseTable.withMutableRecords`).
    @inline(__always)
    mutating func withMutableRecords<R>(_ body: (inout UnsafeMutableBufferPointer<KernelObject>) -> R) -> R {
        records.withMutableRecords(body)
    }

    /// A satisfied wait takes what it waited for: an auto-reset event is
    /// reset, a semaphore counted down, a mutex acquired by `tid`. Returns
    /// true when that mutex had been abandoned.
    mutating func acquire(_ id: ObjectID, kind: ObjectRef.Kind, by tid: ThreadID) -> Bool {
        switch kind {
        case .event:
            events.update(id) { if !$0.manualReset { $0.signaled = false } }
        case .semaphore:
            semaphores.update(id) { $0.count -= 1 }
        case .mutex:
            return mutexes.update(id) { mutex in
                mutex.owner = tid
                mutex.recursion += 1
                let abandoned = mutex.abandoned
                mutex.abandoned = false
                return abandoned
            } ?? false
        case .thread, .file, .port, .process:
            break
        }
        return false
    }

    /// ReleaseMutex by `tid`: nil when it does not own it, otherwise
    /// whether the mutex is now free.
    mutating func releaseMutex(_ id: ObjectID, by tid: ThreadID) -> Bool? {
        guard mutexes.read(id, { $0.owner == tid }) == true else { return nil }
        return mutexes.update(id) { mutex in
            mutex.recursion -= 1
            if mutex.recursion == 0 { mutex.owner = nil }
            return mutex.recursion == 0
        }
    }

    /// The owner of mutex `id` ended: the mutex is free, and abandoned (its
    /// next owner is told).
    mutating func abandonMutex(_ id: ObjectID) {
        mutexes.update(id) { $0.owner = nil; $0.recursion = 0; $0.abandoned = true }
    }
}
