import SimMemory

/// Misuse warnings: the kernel's side. Requests put their `OVERLAPPED` and
/// buffer in the process memory's `WatchSet` while in flight (the VM and the
/// C library note accesses to them there), and the services check the
/// facts only the kernel knows (an event or file shared by requests in
/// flight, handles closed under pending I/O, routines left in a queue).
extension Kernel {
    /// Every warning so far, once per kind and place in the program, oldest first.
    public var misuseWarnings: [MisuseWarning] { warnings }

    /// Reports a warning against thread `tid` at its current place (or at
    /// `line`/`column` of its file), unless that place already reported one of this kind.
    mutating func warn(_ kind: MisuseWarning.Kind, thread tid: ThreadID, _ message: String, line: Int = 0, column: Int = 0) {
        var location = threads[tid].body.lastLocation
        if line > 0 {
            let file = location?.file ?? lastWarningFile ?? processes[threads[tid].process].name
            location = CodeLocation(file: file, line: line, column: column, function: location?.function ?? "")
        }
        if let file = location?.file { lastWarningFile = file }
        let site = WarningSite(kind: kind, file: location?.file ?? "", line: location?.line ?? 0, column: location?.column ?? 0)
        guard warningSites.insert(site).inserted else { return }
        warnings.append(MisuseWarning(kind: kind, thread: tid.rawValue, time: now, location: location, message: message))
        if tracing { record(tid, .note, "warning", "\(kind.rawValue): \(message)") }
    }

    /// Puts a starting request's memory under watch and counts it on its
    /// file and event, first checking that its `OVERLAPPED` and event belong
    /// to no request in flight (`call` names the service in the warning).
    mutating func watchRequest(_ id: RequestID, thread tid: ThreadID, call: String, fileObject f: ObjectID, event: ObjectID?,
                               operation: IORequestView.Operation, overlapped ov: UInt64, buffer: UInt64,
                               length: UInt32) -> IORequest.WatchedMemory {
        guard configuration.watchesPendingIO else { return IORequest.WatchedMemory() }
        let p = threads[tid].process
        let sharingEvent = event.flatMap { objects.events.read($0, { $0.requestsInFlight }) } ?? 0
        let watch = processes[p].memory.watch(request: id.rawValue, overlapped: ov, buffer: buffer, length: length,
                                              reading: operation == .read)
        if io.files.update(f, { $0.requestsInFlight += 1; return $0.requestsInFlight }) == 2 { filesWithSeveralRequests.append(f) }
        if let e = event { objects.events.update(e) { $0.requestsInFlight += 1 } }
        if let r = watch.requestAtSameAddress {
            warn(.overlappedReused, thread: tid,
                 "OVERLAPPED passed to \(call) while request #\(r) using it is still pending; Windows reports "
                 + "both requests into one structure, so a completion is taken for the wrong request")
            // Its hEvent is shared too, for the same reason: one warning says it.
        } else if let e = event, sharingEvent > 0 {
            warn(.eventShared, thread: tid,
                 "the event \(objectName(e)) is the hEvent of \(sharingEvent) request\(sharingEvent == 1 ? "" : "s") in flight "
                 + "already; each start resets it and one signal cannot say which request finished: use one event per request")
        }
        return IORequest.WatchedMemory(overlapped: watch.overlapped, buffer: watch.buffer)
    }

    /// Takes a finished request's memory off watch.
    mutating func unwatchRequest(_ id: RequestID, _ req: IORequest.Ending) {
        guard configuration.watchesPendingIO else { return }
        processes[req.process].memory.unwatch(request: id.rawValue, overlapped: req.watched.overlapped, at: req.overlapped,
                                              buffer: req.watched.buffer, at: req.buffer)
        if io.files.update(req.fileObject, { $0.requestsInFlight -= 1; return $0.requestsInFlight }) == 1 {
            filesWithSeveralRequests.removeAll { $0 == req.fileObject }
        }
        if let e = req.event { objects.events.update(e) { $0.requestsInFlight -= 1 } }
    }

    /// Turns the accesses the VM and the C library noted while `tid` ran into warnings.
    mutating func collectWatchHits(_ tid: ThreadID) {
        let p = threads[tid].process
        let hits = processes[p].memory.takeWatchHits()
        for hit in hits {
            let request = "request #\(hit.range.request)"
            let what = hit.range.role == .overlapped ? "OVERLAPPED" : "buffer"
            switch hit.access {
            case .store:
                warn(.overlappedModified, thread: tid,
                     "OVERLAPPED written while \(request) is pending; the kernel owns it until the request completes "
                     + "(Windows writes its result there), so the change is lost or corrupts the result",
                     line: hit.line, column: hit.column)
            case .load:
                warn(.pendingBufferRead, thread: tid,
                     "buffer of pending read \(request) read before the read completed; the data is not there yet "
                     + "(Windows fills it at completion)", line: hit.line, column: hit.column)
            case .free:
                warn(.pendingMemoryFreed, thread: tid,
                     "memory freed while it holds the \(what) of pending \(request); when the request completes "
                     + "Windows writes into the freed memory (heap corruption)", line: hit.line, column: hit.column)
            case .frameReturn:
                warn(.pendingFrameReturned, thread: tid,
                     "function returns while its stack frame holds the \(what) of pending \(request); when the request "
                     + "completes Windows writes into stack memory that belongs to other calls by then",
                     line: hit.line, column: hit.column)
            }
        }
    }

    /// A wait on objects: a file handle with several requests in flight cannot say which one finished.
    /// Only the first such handle in the wait can be reported (one warning per place), so it looks
    /// for the few files with several requests among the handles, not at each of up to 64 handles.
    mutating func checkWait(_ tid: ThreadID, on ids: [ObjectID]) {
        guard !filesWithSeveralRequests.isEmpty else { return }
        var first: (index: Int, file: ObjectID)?
        for f in filesWithSeveralRequests {
            if let i = ids.firstIndex(of: f), first.map({ i < $0.index }) ?? true { first = (i, f) }
        }
        guard let file = first?.file, let n = io.files.read(file, { $0.requestsInFlight }), n >= 2 else { return }
        warn(.ambiguousFileWait, thread: tid,
             "waiting on a file handle with \(n) requests in flight on it; the file is signaled when any of them "
             + "completes, so the wake does not say which: give each request its own event")
    }

    /// The last handle of object `id` closing (by `tid`).
    mutating func checkLastClose(_ tid: ThreadID, object id: ObjectID) {
        switch objects[id].kind {
        case .file:
            guard let n = io.files.read(id, { $0.requestsInFlight }), n > 0 else { return }
            warn(.handleClosedWithIO, thread: tid,
                 "file closed with \(n) request\(n == 1 ? "" : "s") in flight; closing does not wait for them: on Windows "
                 + "they still complete later and write their OVERLAPPED and buffer (cancel with CancelIoEx and wait first)")
        case .port:
            // Entries of threads whose wait already ended are stale, not waiters.
            let n = (ports.read(id) { $0.waiters } ?? []).filter { entry in
                threads[entry.thread].state == .waiting && threads[entry.thread].wait?.generation == entry.generation
            }.count
            guard n > 0 else { return }
            warn(.portClosedWithWaiters, thread: tid,
                 "completion port closed with \(n) thread\(n == 1 ? "" : "s") waiting on it; Windows ends their "
                 + "GetQueuedCompletionStatus with FALSE and ERROR_ABANDONED_WAIT_0 (735) and drops queued packets")
        default:
            return
        }
    }

    /// A thread ending with completion routines in its queue: they never run.
    mutating func checkThreadEnd(_ tid: ThreadID) {
        let n = threads[tid].apcQueue.reduce(0) { $0 + ($1.kind == .completionRoutine ? 1 : 0) }
        guard n > 0 else { return }
        warn(.completionRoutinesLost, thread: tid,
             "thread '\(threadName(tid))' ends with \(n) completion routine\(n == 1 ? "" : "s") queued that never ran: "
             + "it did not wait alertably (SleepEx, WaitFor…Ex with TRUE) after the I/O completed, and Windows discards them")
    }

    private func objectName(_ id: ObjectID) -> String {
        objects[id].label.map { "'\($0)'" } ?? "#\(id)"
    }
}
