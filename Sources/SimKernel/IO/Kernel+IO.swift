extension Kernel {
    /// NTFS's practical limit: 16 TiB.
    static let maximumFileSize: UInt64 = 1 << 44

    /// ReadFile / WriteFile / ReadFileEx / WriteFileEx (rules 1–4, 8–13, 19, 23).
    mutating func startRequest(_ tid: ThreadID, _ op: IOOperation, handle: UInt64, buffer: UInt64, length: UInt32,
                               bytesOut: UInt64, overlapped ov: UInt64, routine: UInt64, ex: Bool) -> ServiceOutcome {
        guard let f = fileObject(handle, tid), let file = io.files.read(f, { $0.summary }) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
        if (op == .read && !file.canRead) || (op == .write && !file.canWrite) { return fail(tid, Win32.ERROR_ACCESS_DENIED) }
        var event: ObjectID?
        var suppress = false
        var offset = file.position
        if ov != 0 {
            // Offset and OffsetHigh are adjacent little-endian halves: one load.
            guard isWritable(tid, ov, 32), let hEvent = load64(tid, ov + 24), let position = load64(tid, ov + 16)
            else { return fail(tid, Win32.ERROR_NOACCESS) }
            offset = position
            // The low bit of hEvent suppresses the completion packet (rule 27).
            // ReadFileEx/WriteFileEx ignore hEvent: programs keep their own data there.
            suppress = !ex && hEvent & 1 != 0
            let eventHandle = ex ? 0 : hEvent & ~1
            if eventHandle != 0 {
                guard let e = typedObject(eventHandle, tid, .event) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
                event = e
            }
        }
        if bytesOut != 0 && !isWritable(tid, bytesOut, 4) { return fail(tid, Win32.ERROR_NOACCESS) }
        // Rule 9: every request resets hEvent and the file object's signal as
        // it starts, even one that fails at once. Rule 8: Internal = STATUS_PENDING.
        if let e = event { objects.events.update(e) { $0.signaled = false } }
        io.files.update(f) { $0.signaled = false }
        if ov != 0 { store32(tid, Win32.STATUS_PENDING, at: ov) }
        store32(tid, 0, at: bytesOut)

        // Failures at once: nothing more is written, nothing notifies (rule 10).
        if file.overlapped && ov == 0 { return fail(tid, Win32.ERROR_INVALID_PARAMETER) }          // rule 3
        if ex && file.port != nil { return fail(tid, Win32.ERROR_INVALID_PARAMETER) }              // rule 23
        if file.noBuffering {                                                                   // rule 4
            let sector = configuration.disk.sectorSize
            let offsetToCheck = (ov != 0 || file.overlapped) ? offset : 0
            if offsetToCheck % sector != 0 || UInt64(length) % sector != 0 || buffer % sector != 0 {
                return fail(tid, Win32.ERROR_INVALID_PARAMETER)
            }
        }
        // Past the largest file the volume can hold (and never wrapping around).
        if op == .write && offset > Kernel.maximumFileSize - UInt64(length) { return fail(tid, Win32.ERROR_INVALID_PARAMETER) }
        // A NULL buffer is refused before the memory is probed (Wine's
        // conformance tests, on Windows: WriteFile(h, NULL, n > 0, …)).
        if op == .write && length > 0 && buffer == 0 { return fail(tid, Win32.ERROR_INVALID_USER_BUFFER) }
        if length > 0 && !(buffer != 0 && processes[threads[tid].process].memory.isMapped(buffer, length: Int(length))) {
            return fail(tid, Win32.ERROR_NOACCESS)
        }
        if op == .write && !io.volumeHasRoom(node: file.node, end: offset + UInt64(length)) {
            return fail(tid, Win32.ERROR_DISK_FULL)
        }
        var data: [UInt8] = []
        if op == .write && length > 0 {
            guard let bytes = try? processes[threads[tid].process].memory.readBytes(at: buffer, count: Int(length)) else {
                return fail(tid, Win32.ERROR_NOACCESS)
            }
            data = bytes
        }

        let id = io.newRequestID()
        let call = op == .read ? (ex ? "ReadFileEx" : "ReadFile") : (ex ? "WriteFileEx" : "WriteFile")
        let watched = watchRequest(id, thread: tid, call: call, fileObject: f, event: event, operation: op,
                                   overlapped: ov, buffer: buffer, length: length)
        io.add(IORequest(id: id, thread: tid, process: threads[tid].process, fileObject: f, node: file.node,
                         operation: op, offset: offset, length: length, buffer: buffer, overlapped: ov,
                         event: event, suppressPacket: suppress, routine: routine, issuedAt: now, completesAt: nil,
                         phase: .waitingForFile, writeData: data, synchronousHandle: !file.overlapped,
                         usesPosition: !file.overlapped && ov == 0, bytesOut: bytesOut, watched: watched))
        noteOrigin(id, thread: tid, call: call, overlapped: ov)
        counters.requestsIssued += 1

        if !file.overlapped {
            // Rule 1 / 2: synchronous file objects serialize requests and block the caller.
            let continuation = WaitContinuation.synchronousIO(bytesOut: bytesOut, withOverlapped: ov != 0)
            if io.files.read(f, { $0.syncBusy }) == true {
                io.files.update(f) { $0.syncQueue.append(id) }
                blockOnRequest(tid, id, continuation: continuation, call: op == .read ? "ReadFile" : "WriteFile")
                return .blocked
            }
            if let (status, bytes) = beginSynchronous(id) {
                return .returned(finish(tid, continuation, .ioDone(status: status, bytes: bytes)))
            }
            blockOnRequest(tid, id, continuation: continuation, call: op == .read ? "ReadFile" : "WriteFile")
            return .blocked
        }

        if let (status, bytes) = io.immediateResult(id) {
            // Done at once with success: TRUE, and every notification fires (rule 10).
            complete(id, status: status, bytes: bytes, atOnce: true)
            store32(tid, UInt32(truncatingIfNeeded: bytes), at: bytesOut)
            return ok(1)
        }
        launch(id)
        if ex { return ok(1) }   // rule 19: accepted → TRUE, routine queued at completion
        return fail(tid, Win32.ERROR_IO_PENDING)
    }

    mutating func blockOnRequest(_ tid: ThreadID, _ id: RequestID, continuation: WaitContinuation, call: String) {
        block(tid, WaitBlock(objects: [], waitAll: false, alertable: false, deadline: nil, call: call, continuation: continuation,
                             request: id), timeout: Win32.INFINITE)
    }

    /// Takes the synchronous file object's lock and starts `id`; returns the
    /// result when it completes at once (the lock is then free again).
    mutating func beginSynchronous(_ id: RequestID) -> (UInt32, UInt64)? {
        guard let req = io.requests.read(id, { $0.summary }) else { return nil }
        io.files.update(req.fileObject) { $0.syncBusy = true }
        if req.usesPosition, let position = io.files.read(req.fileObject, { $0.position }) {
            io.requests.update(id) { $0.offset = position }
        }
        if let (status, bytes) = io.immediateResult(id) {
            complete(id, status: status, bytes: bytes, atOnce: true)
            return (status, bytes)
        }
        launch(id)
        return nil
    }

    /// Hands a request that cannot complete at once to the disk or the file system.
    mutating func launch(_ id: RequestID) {
        guard let req = io.requests.read(id, { $0.summary }) else { return }
        let size = io.volume.size(ofNode: req.node) ?? 0
        if req.operation == .read && req.offset >= size {
            let at = now + configuration.fileSystemLatencyUs
            io.requests.update(id) { $0.phase = .fileSystem; $0.completesAt = at }
            scheduler.schedule(.fileSystemDone(request: id), at: at)
            if tracing {
                record(req.thread, .ioStart, "file system", objects: [req.fileObject], "req=\(id) at end of file")
            }
            return
        }
        io.requests.update(id) { $0.phase = .queuedOnDisk }
        if io.diskInService < configuration.disk.parallel {
            startService(id, issuer: req.thread)
        } else {
            io.diskQueue.append(id)
            if tracing {
                record(req.thread, .ioStart, "disk", objects: [req.fileObject], "req=\(id) queued")
            }
        }
    }

    /// Puts a request in service on the disk; `issuer` is the thread doing it
    /// (nil when the device takes it from its queue).
    mutating func startService(_ id: RequestID, issuer: ThreadID?) {
        guard let req = io.requests.read(id, { $0.summary }) else { return }
        let d = configuration.disk
        io.diskInService += 1
        var duration = d.latencyUs + rng.next(upTo: d.jitterUs)
        if d.bytesPerUs > 0 { duration += UInt64(req.length) / d.bytesPerUs }
        let at = now + duration
        io.requests.update(id) { $0.phase = .inService; $0.completesAt = at }
        scheduler.schedule(.diskDone(request: id), at: now + duration)
        if tracing {
            record(req.thread, .ioStart, "disk", objects: [req.fileObject],
                   "req=\(id) \(req.operation.rawValue) off=\(req.offset) len=\(req.length)", result: "done at \(now + duration)us")
        }
    }

    mutating func diskFinished(_ id: RequestID) {
        io.diskInService -= 1
        while io.diskInService < configuration.disk.parallel, let next = io.diskQueue.popFirst() {
            if io.requests.read(next, { $0.phase }) == .queuedOnDisk { startService(next, issuer: nil) }
        }
        if io.requests.contains(id) { finishTransfer(id) }
    }

    /// The device finished: work out the status and byte count, then complete.
    mutating func finishTransfer(_ id: RequestID) {
        guard let req = io.requests.read(id, { $0.summary }) else { return }
        let size = io.volume.size(ofNode: req.node) ?? 0
        switch req.operation {
        case .read:
            if req.offset >= size {
                complete(id, status: Win32.STATUS_END_OF_FILE, bytes: 0, atOnce: false)
            } else {
                complete(id, status: Win32.STATUS_SUCCESS, bytes: min(UInt64(req.length), size - req.offset), atOnce: false)
            }
        case .write:
            complete(id, status: Win32.STATUS_SUCCESS, bytes: UInt64(req.length), atOnce: false)
        }
    }

    /// Completes a request: moves the data, writes the OVERLAPPED (rule 12)
    /// and fires its notifications (rules 14, 16, 19, 27, 28).
    mutating func complete(_ id: RequestID, status: UInt32, bytes: UInt64, atOnce: Bool) {
        guard let req = io.requests.read(id, { $0.ending }) else { return }
        let writeData = req.operation == .write ? io.requests.takeWriteData(id) : []
        io.requests.remove(id)
        unwatchRequest(id, req)
        let f = req.fileObject
        counters.requestsCompleted += 1
        let success = status == Win32.STATUS_SUCCESS
        if success && bytes > 0 {
            switch req.operation {
            case .read:
                // Straight from the file's chunks into the buffer's pages.
                if let content = io.volume.content(ofNode: req.node) {
                    let offset = req.offset
                    try? processes[req.process].memory.withWritableBytes(at: req.buffer, count: Int(bytes)) { piece, done in
                        content.copy(offset: offset + UInt64(done), into: piece)
                    }
                }
            case .write:
                let data = bytes == UInt64(writeData.count) ? writeData : Array(writeData[0 ..< Int(bytes)])
                _ = io.volume.with(req.node) { $0.content.write(data, at: req.offset) }
            }
            if io.files.read(f, { $0.noBuffering }) == false { io.cache.insert(node: req.node, offset: req.offset, length: bytes) }
        }
        if req.synchronousHandle && (success || status == Win32.STATUS_END_OF_FILE) {
            io.files.update(f) { $0.position = req.offset + bytes }
        }
        if tracing {
            noteCompletion(id, req, status: status)
            // At once: the issuing thread did it; later: the device did, for it.
            record(atOnce ? req.thread : nil, .ioComplete, req.operation == .read ? "read" : "write", objects: [f],
                   "req=\(id)\(atOnce ? "" : " for \(TraceEvent.mentionMark)") off=\(req.offset) bytes=\(bytes)\(atOnce ? " at once" : "")",
                   result: statusName(status), mentioning: atOnce ? nil : req.thread)
        }

        let failedAtOnce = atOnce && !success
        if !failedAtOnce {
            if req.overlapped != 0 {
                store32(process: req.process, status, at: req.overlapped)
                store64(process: req.process, bytes, at: req.overlapped + 8)
            }
            let modes = io.files.read(f) { $0.modes } ?? 0
            let port = req.routine == 0 ? io.files.read(f) { $0.port } ?? nil : nil
            let packetPort = port.flatMap { port -> ObjectID? in
                req.overlapped != 0 && !req.suppressPacket
                    && !(atOnce && success && modes & Win32.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS != 0) ? port : nil
            }
            let signaled = req.event ?? (modes & Win32.FILE_SKIP_SET_EVENT_ON_HANDLE == 0 ? f : nil)
            if tracing {
                noteNotified(id, bytes: bytes, signaled: signaled, port: req.routine == 0 ? packetPort : nil,
                             key: io.files.read(f, { $0.key }) ?? 0, apcThread: req.routine != 0 ? req.thread : nil, routine: req.routine)
            }
            // Neither an APC nor a packet: the program learns of it by a wait or
            // GetOverlappedResult (remembered before the signal can wake a
            // waiter), or at once from the call's own result.
            if req.routine == 0, packetPort == nil, !req.synchronousHandle, let signaled {
                if atOnce {
                    counters.handledCompletions += 1
                } else {
                    rememberSignaledCompletion(object: signaled, process: req.process, overlapped: req.overlapped)
                }
            }
            if let e = req.event {
                setEvent(e)
            } else if signaled != nil {
                io.files.update(f) { $0.signaled = true }
                signalChanged(f)
            }
            if req.routine != 0 {
                queueAPC(req.thread, QueuedAPC(kind: .completionRoutine, routine: req.routine,
                                               arguments: [UInt64(Win32.win32Error(fromNTStatus: status)), bytes, req.overlapped],
                                               queuedAt: now))
            } else if let port = packetPort {
                insertPacket(port, CompletionPacket(bytes: UInt32(truncatingIfNeeded: bytes), key: io.files.read(f) { $0.key } ?? 0,
                                                    overlapped: req.overlapped, status: status, posted: false, queuedAt: now))
            }
        }

        if req.synchronousHandle {
            if threads[req.thread].wait?.request == id { wake(req.thread, .ioDone(status: status, bytes: bytes)) }
            if req.phase != .waitingForFile || atOnce { releaseFileLock(f) }
        }
    }

    /// Frees a synchronous file object and starts the next queued request.
    mutating func releaseFileLock(_ f: ObjectID) {
        io.files.update(f) { $0.syncBusy = false }
        // A queued request that completes at once releases the lock again;
        // the outermost call drains the queue so this never recurses deeply.
        guard !io.drainingFiles.contains(f) else { return }
        io.drainingFiles.insert(f)
        defer { io.drainingFiles.remove(f) }
        while io.files.read(f, { $0.syncBusy }) == false, let next = io.files.update(f, { $0.syncQueue.popFirst() }) ?? nil {
            guard io.requests.contains(next) else { continue }
            _ = beginSynchronous(next)
        }
    }

    /// CancelIo / CancelIoEx (rule 38).
    mutating func cancelIo(_ tid: ThreadID, handle: UInt64, onlyCaller: Bool, overlapped ov: UInt64) -> ServiceOutcome {
        guard let f = fileObject(handle, tid) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
        let p = threads[tid].process
        // Issue order is id order.
        let matching = io.inFlight { r in
            guard r.fileObject == f else { return false }
            if onlyCaller { return r.thread == tid }
            if ov != 0 { return r.overlapped == ov }
            return r.process == p
        }
        guard !matching.isEmpty else { return fail(tid, Win32.ERROR_NOT_FOUND) }
        for id in matching { cancelRequest(id, by: tid) }
        return ok(1)
    }

    /// Cancels one request as the I/O manager can: one still queued (on the
    /// device, or behind another request on a synchronous file object)
    /// completes with STATUS_CANCELLED; once the device works on it the
    /// cancel comes too late and it completes normally.
    mutating func cancelRequest(_ id: RequestID, by tid: ThreadID?) {
        guard let r = io.requests.read(id, { $0.summary }) else { return }
        let f = r.fileObject
        switch r.phase {
        case .queuedOnDisk:
            if tracing {
                record(tid, .note, "cancel", objects: [f], "req=\(id)")
            }
            complete(id, status: Win32.STATUS_CANCELLED, bytes: 0, atOnce: false)
        case .waitingForFile:
            io.files.update(f) { $0.syncQueue.removeAll { $0 == id } }
            if tracing {
                record(tid, .note, "cancel", objects: [f], "req=\(id)")
            }
            complete(id, status: Win32.STATUS_CANCELLED, bytes: 0, atOnce: false)
        case .inService, .fileSystem:
            if tracing {
                record(tid, .note, "cancel", objects: [f], "req=\(id) too late")
            }
        }
    }

    /// A thread exits: NT cancels the requests it issued (IoCancelThreadIo),
    /// except those on file objects associated with a completion port, which
    /// are thread-agnostic and live on (Windows Vista and later). Requests
    /// are visited in issue order; the list holds only those in flight.
    mutating func cancelThreadIO(_ tid: ThreadID) {
        let mine = io.inFlight { r in r.thread == tid && (io.files.read(r.fileObject) { $0.port } ?? nil) == nil }
        for id in mine { cancelRequest(id, by: tid) }
    }
}
