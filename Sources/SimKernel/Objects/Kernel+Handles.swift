extension Kernel {
    // Inlined, like the other small non-mutating lookups the services call:
    // called out of line from a mutating method, it was handed a bitwise
    // copy of the whole kernel (560 bytes) on every call.
    /// Resolves a handle value (pseudo-handles included) to an object id.
    @inline(__always)
    func objectID(handle: UInt64, process p: Int, thread tid: ThreadID?) -> ObjectID? {
        if handle == Win32.currentThreadPseudoHandle, let tid { return threads[tid].objectId }
        if handle == Win32.currentProcessPseudoHandle { return processes[p].objectId }
        // The two low bits are tag bits that Windows ignores (h|1 … h|3 name h).
        guard handle < UInt64(Int.max) else { return nil }
        let index = Int(handle >> 2)
        guard processes[p].handles.indices.contains(index), let entry = processes[p].handles[index] else { return nil }
        return entry.object
    }

    @inline(__always)
    func typedObject(_ handle: UInt64, _ tid: ThreadID, _ kind: ObjectRef.Kind) -> ObjectID? {
        guard let id = objectID(handle: handle, process: threads[tid].process, thread: tid), objects[id].kind == kind else { return nil }
        return id
    }

    @inline(__always)
    func fileObject(_ handle: UInt64, _ tid: ThreadID) -> ObjectID? { typedObject(handle, tid, .file) }

    mutating func addHandle(process p: Int, object id: ObjectID) -> UInt64 {
        processes[p].handles.append(HandleEntry(object: id))
        processes[p].openHandles += 1
        objects[id].handleCount += 1
        return UInt64(processes[p].handles.count - 1) << 2
    }

    /// True when `tid`'s process holds as many handles as it may: a
    /// creating service then fails before it creates anything.
    func handleQuotaReached(_ tid: ThreadID) -> Bool {
        processes[threads[tid].process].openHandles >= configuration.limits.handlesPerProcess
    }

    /// Returns a new handle to `id` from a creating service.
    mutating func createdHandle(_ tid: ThreadID, _ id: ObjectID) -> ServiceOutcome {
        ok(addHandle(process: threads[tid].process, object: id))
    }

    mutating func closeHandle(_ tid: ThreadID, handle: UInt64) -> ServiceOutcome {
        if handle == Win32.currentThreadPseudoHandle || handle == Win32.currentProcessPseudoHandle { return ok(1) }
        let p = threads[tid].process
        guard handle < UInt64(Int.max), processes[p].handles.indices.contains(Int(handle >> 2)),
              let entry = processes[p].handles[Int(handle >> 2)]
        else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
        processes[p].handles[Int(handle >> 2)] = nil
        processes[p].openHandles -= 1
        if objects[entry.object].handleCount == 1 { checkLastClose(tid, object: entry.object) }
        releaseHandle(object: entry.object)
        return ok(1)
    }

    /// One handle to `id` went away; the last one closes the object.
    mutating func releaseHandle(object id: ObjectID) {
        objects[id].handleCount -= 1
        guard objects[id].handleCount <= 0 else { return }
        switch objects[id].kind {
        case .file:
            // The file object goes when its last handle closes (rule 6);
            // requests in flight still complete and notify.
            io.files.update(id) { $0.closed = true }
            if let f = io.files.read(id, { $0 }) {
                io.volume.closeObject(read: f.canRead || f.canExecute, write: f.canWrite, delete: f.canDelete, share: f.shareMode,
                                   node: f.node)
            }
            objects[id].alive = false
        case .port:
            // The port object goes with its last handle: its waiters are
            // released, its packets dropped, and the view no longer shows it.
            closePort(id)
            objects[id].alive = false
        case .thread:
            if let t = objects.threadOfObject.read(id, { $0 }), threads[t].state == .terminated { objects[id].alive = false }
        case .event, .semaphore, .mutex:
            objects[id].alive = false
        case .process:
            break
        }
    }

    mutating func duplicateHandle(_ tid: ThreadID, sourceProcess: UInt64, source: UInt64, targetProcess: UInt64,
                                  targetOut: UInt64, options: UInt32) -> ServiceOutcome {
        let p = threads[tid].process
        // One process: both process handles must name it.
        guard objectID(handle: sourceProcess, process: p, thread: tid) == processes[p].objectId,
              objectID(handle: targetProcess, process: p, thread: tid) == processes[p].objectId
        else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
        guard let id = objectID(handle: source, process: p, thread: tid) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
        if targetOut != 0 && !isWritable(tid, targetOut, 8) { return fail(tid, Win32.ERROR_NOACCESS) }
        // Same object, so same file object: position, mode and port association
        // are shared; no share check (rule 6).
        let new = addHandle(process: p, object: id)
        store64(tid, new, at: targetOut)
        if options & Win32.DUPLICATE_CLOSE_SOURCE != 0 { _ = closeHandle(tid, handle: source) }
        return ok(1)
    }

    // MARK: Events, semaphores, mutexes

    mutating func setEvent(_ id: ObjectID) {
        // Setting a set event changes nothing (rule 18).
        guard objects.events.read(id, { $0.signaled }) == false else { return }
        objects.events.update(id) { $0.signaled = true }
        signalChanged(id)
    }

    mutating func releaseSemaphore(_ tid: ThreadID, _ id: ObjectID, count: Int32, previousOut: UInt64) -> ServiceOutcome {
        guard let s = objects.semaphores.read(id, { $0 }) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
        guard count > 0 else { return fail(tid, Win32.ERROR_INVALID_PARAMETER) }
        guard Int64(s.count) + Int64(count) <= Int64(s.maximum) else { return fail(tid, Win32.ERROR_TOO_MANY_POSTS) }
        if previousOut != 0 {
            guard isWritable(tid, previousOut, 4) else { return fail(tid, Win32.ERROR_NOACCESS) }
            store32(tid, UInt32(bitPattern: s.count), at: previousOut)
        }
        objects.semaphores.update(id) { $0.count += count }
        signalChanged(id)
        return ok(1)
    }

    /// False when `tid` does not own the mutex.
    mutating func releaseMutex(_ id: ObjectID, by tid: ThreadID) -> Bool {
        guard let free = objects.releaseMutex(id, by: tid) else { return false }
        if free { signalChanged(id) }
        return true
    }
}
