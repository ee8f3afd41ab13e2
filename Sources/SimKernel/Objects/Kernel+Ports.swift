extension Kernel {
    mutating func createIoCompletionPort(_ tid: ThreadID, file: UInt64, existing: UInt64, key: UInt64, concurrency: UInt32) -> ServiceOutcome {
        let p = threads[tid].process
        if file == Win32.INVALID_HANDLE_VALUE {
            guard existing == 0 else { return fail(tid, Win32.ERROR_INVALID_PARAMETER) }
            return createdHandle(tid, newPort(concurrency))
        }
        guard let f = fileObject(file, tid) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
        // Rule 26: overlapped handles only, one port per file object.
        guard io.files.read(f, { $0.overlapped && $0.port == nil }) == true else { return fail(tid, Win32.ERROR_INVALID_PARAMETER) }
        let portId: ObjectID
        let handle: UInt64
        if existing == 0 {
            portId = newPort(concurrency)
            handle = addHandle(process: p, object: portId)
        } else {
            // Rule 25: the concurrency value is ignored for an existing port.
            guard let id = typedObject(existing, tid, .port), ports.read(id, { $0.closed }) == false else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
            portId = id
            handle = existing
        }
        io.files.update(f) { $0.port = portId; $0.key = key }
        let device = PortView.Device(file: objectRef(f), key: key)
        ports.update(portId) { $0.devices.append(device) }
        return ok(handle)
    }

    mutating func newPort(_ concurrency: UInt32) -> ObjectID {
        let id = objects.create(.port)
        ports.create(id, limit: concurrency == 0 ? scheduler.cpus.count : Int(concurrency))
        return id
    }

    /// Rule 29: a packet goes straight to the newest blocked waiter when the
    /// running count allows, otherwise to the end of the queue.
    mutating func insertPacket(_ id: ObjectID, _ packet: CompletionPacket) {
        guard ports.read(id, { $0.closed }) == false else { return }
        if tracing {
            record(nil, .packetQueued, objectRef(id).label,
                   objects: [id], "key=\(packet.key) bytes=\(packet.bytes) ov=\(hex(packet.overlapped))", result: statusName(packet.status))
        }
        if ports.read(id, { $0.hasRoom }) == true, let waiter = popNewestWaiter(id) {
            ports.update(id) { $0.running += 1 }
            wake(waiter, .packet(packet), alreadyCounted: true)
            return
        }
        ports.enqueue(packet, on: id)
        signalChanged(id)   // rule 37: waits on the port handle see it signaled
    }

    /// The most recently blocked live waiter, removed from the port's LIFO.
    mutating func popNewestWaiter(_ id: ObjectID) -> ThreadID? {
        while let entry = ports.popWaiterEntry(id) {
            if let w = threads[entry.thread].wait, w.generation == entry.generation, threads[entry.thread].state == .waiting {
                return entry.thread
            }
        }
        return nil
    }

    /// Rules 31 and 32: the running count dropped; while there is room and
    /// packets, release the newest waiter with the oldest packet.
    mutating func releaseWaiters(_ id: ObjectID) {
        while ports.read(id, { $0.canRelease }) == true, let waiter = popNewestWaiter(id), let packet = ports.releasePacket(id) {
            wake(waiter, .packet(packet), alreadyCounted: true)
        }
    }

    /// An associated thread leaves its port (exit, or moving to another port).
    mutating func leavePort(_ tid: ThreadID, port id: ObjectID) {
        threads[tid].associatedPort = nil
        // Dropped lazily: removing from the middle of a long list on every
        // exit made ending a process with many threads quadratic.
        guard let tooManyStale = ports.noteLeaver(id) else { return }
        if tooManyStale { dropStaleAssociations(id) }
        guard ports.read(id, { $0.closed }) == false else { return }
        ports.update(id) { $0.running -= 1 }
        releaseWaiters(id)
    }

    /// Removes the entries of threads no longer associated with port `id`.
    mutating func dropStaleAssociations(_ id: ObjectID) {
        guard let kept = ports.read(id, { $0.associated.filter { threads[$0].associatedPort == id } }) else { return }
        ports.update(id) { $0.associated = kept; $0.staleAssociations = 0 }
    }

    /// GetQueuedCompletionStatus(Ex), rules 30–35.
    mutating func getQueuedCompletionStatus(_ tid: ThreadID, port handle: UInt64, timeout: UInt32, alertable: Bool,
                                            continuation: WaitContinuation, maxPackets: Int) -> ServiceOutcome {
        guard let id = typedObject(handle, tid, .port), ports.read(id, { $0.closed }) == false else {
            return fail(tid, Win32.ERROR_INVALID_HANDLE)
        }
        switch continuation {
        case let .dequeue(bytesOut, keyOut, ovOut):
            guard isWritable(tid, bytesOut, 4), isWritable(tid, keyOut, 8), isWritable(tid, ovOut, 8) else {
                return fail(tid, Win32.ERROR_NOACCESS)
            }
        case let .dequeueEx(entries, count, removedOut):
            guard isWritable(tid, entries, Int(count) * 32), isWritable(tid, removedOut, 4) else { return fail(tid, Win32.ERROR_NOACCESS) }
        default: break
        }
        // A caller not yet associated with this port that waits alertably
        // with a user APC queued runs the APC first and returns
        // WAIT_IO_COMPLETION: it never reaches the queue, so it takes no
        // packet and is not associated (kernelbase delivers the APC before
        // NtRemoveIoCompletion; Wine's port tests show it on Windows).
        if alertable && threads[tid].associatedPort != id && !threads[tid].apcQueue.isEmpty {
            return startAPCDelivery(tid, call: "GetQueuedCompletionStatusEx", returning: continuation)
        }
        // Rule 30 / 32: an associated caller leaves the running count first;
        // a caller associated elsewhere moves here.
        if threads[tid].associatedPort == id {
            ports.update(id) { $0.running -= 1 }
        } else {
            if let old = threads[tid].associatedPort { leavePort(tid, port: old) }
            // A thread coming back must not find its old entry still there.
            if ports.read(id, { $0.staleAssociations }) ?? 0 > 0 { dropStaleAssociations(id) }
            threads[tid].associatedPort = id
            ports.update(id) { $0.associated.append(tid) }
        }
        if ports.read(id, { $0.canRelease }) == true {
            let taken = ports.takePackets(id, upTo: maxPackets)
            return .returned(finish(tid, continuation, taken.count == 1 ? .packet(taken[0]) : .packets(taken)))
        }
        // Rule 35: only when nothing was taken does an alertable call run APCs.
        if alertable && !threads[tid].apcQueue.isEmpty {
            ports.update(id) { $0.running += 1 }
            return startAPCDelivery(tid, call: "GetQueuedCompletionStatusEx", returning: continuation)
        }
        if timeout == 0 {
            ports.update(id) { $0.running += 1 }
            return .returned(finish(tid, continuation, .timeout))
        }
        // Built in the call: a named, then changed block was copied into `block`.
        block(tid, WaitBlock(objects: [], waitAll: false, alertable: alertable, deadline: nil,
                             call: continuation.isEx ? "GetQueuedCompletionStatusEx" : "GetQueuedCompletionStatus",
                             continuation: continuation, port: id), timeout: timeout)
        let entry = WaitEntry(thread: tid, generation: threads[tid].waitGeneration)
        ports.update(id) { $0.waiters.append(entry) }
        return .blocked
    }

    /// Rule 34: the last handle to a port closes it under its waiters.
    mutating func closePort(_ id: ObjectID) {
        guard let (waiters, associated) = ports.close(id) else { return }
        for tid in associated where threads[tid].associatedPort == id { threads[tid].associatedPort = nil }
        for entry in waiters {
            if let w = threads[entry.thread].wait, w.generation == entry.generation, threads[entry.thread].state == .waiting {
                wake(entry.thread, .portClosed)
            }
        }
        signalChanged(id)
    }
}

extension WaitContinuation {
    var isEx: Bool { if case .dequeueEx = self { return true } else { return false } }
}
