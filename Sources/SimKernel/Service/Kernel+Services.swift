import SimMemory

/// What performing a service did to the calling thread.
enum ServiceOutcome: Sendable {
    /// Returned at once; the thread continues after the service cost.
    case returned(ServiceResult)
    /// The thread's pending input was set (an APC to run); step it again now.
    case continueNow
    /// Returned, but the thread first computes this long (SimCompute).
    case computeThen(UInt64, ServiceResult)
    /// Returned and the thread offers its CPU to a ready thread (Sleep(0)).
    case yield(ServiceResult)
    /// The thread blocked.
    case blocked
    /// The thread no longer runs (exited).
    case gone

    var isBlocked: Bool { if case .blocked = self { return true } else { return false } }
    var isYield: Bool { if case .yield = self { return true } else { return false } }
}

extension Service {
    /// Services that add a handle to the process (checked against its quota).
    var createsHandle: Bool {
        switch self {
        case .createFile, .reOpenFile, .duplicateHandle, .createEvent, .createSemaphore, .createMutex, .createThread:
            return true
        case let .createIoCompletionPort(_, existing, _, _):
            return existing == 0
        default:
            return false
        }
    }

    /// What a creating service returns when it fails.
    var failureHandle: UInt64 {
        switch self {
        case .createFile, .reOpenFile: return Win32.INVALID_HANDLE_VALUE
        default: return 0
        }
    }

    /// Services that take no virtual time and leave no trace.
    var isFree: Bool {
        switch self {
        case .labelObject, .getLastError, .setLastError, .getCurrentThreadId: return true
        default: return false
        }
    }
}

extension Kernel {
    /// Returns `value`, leaving the last error alone.
    func ok(_ value: UInt64) -> ServiceOutcome { .returned(ServiceResult(value: value, lastError: 0)) }

    /// Performs one service for thread `tid`.
    mutating func perform(_ service: Service, thread tid: ThreadID) -> ServiceOutcome {
        counters.kernelEvents += 1
        guard tracing && !service.isFree else {
            // Two statements: `stamped` must see the state after the service ran.
            let raw = dispatchService(service, thread: tid)
            return stamped(raw, tid)
        }
        let detail = describe(service, thread: tid)
        let named = handleArguments(service).compactMap { objectID(handle: $0, process: threads[tid].process, thread: tid) }
        // The call's line goes before whatever the call caused (a wake of
        // another thread, an I/O completing at once), so the trace reads
        // causally: append it now, fill in its outcome afterwards.
        let slot = trace.dropped + trace.count
        trace.append(TraceEvent(time: now, thread: tid.rawValue, action: .call, name: service.name, objects: named.map(\.rawValue),
                                detail: detail))
        let raw = dispatchService(service, thread: tid)
        let outcome = stamped(raw, tid)
        let position = slot - trace.dropped
        guard position >= 0, position < trace.count else { return outcome }
        switch outcome {
        case .returned(let r), .computeThen(_, let r), .yield(let r):
            trace[position].result = outcome.isYield ? "yield" : render(r, of: service)
            trace[position].returnValue = r.value
            trace[position].lastError = r.lastError
        case .blocked:
            trace[position].action = .block
            trace[position].result = "blocks"
            if let objects = threads[tid].wait?.objects, !objects.isEmpty { trace[position].objects = objects.map(\.rawValue) }
        case .continueNow:
            trace[position].result = "runs APCs"
        case .gone:
            trace[position].result = "exits"
        }
        trimTrace()
        return outcome
    }

    /// Stamps the thread's final last-error into the result the body sees.
    private func stamped(_ outcome: ServiceOutcome, _ tid: ThreadID) -> ServiceOutcome {
        switch outcome {
        case .returned(var r): r.lastError = threads[tid].lastError; return .returned(r)
        case .computeThen(let us, var r): r.lastError = threads[tid].lastError; return .computeThen(us, r)
        case .yield(var r): r.lastError = threads[tid].lastError; return .yield(r)
        default: return outcome
        }
    }

    /// Sets the thread's last error and returns `value`.
    mutating func fail(_ tid: ThreadID, _ error: UInt32, value: UInt64 = 0) -> ServiceOutcome {
        threads[tid].lastError = error
        return .returned(ServiceResult(value: value, lastError: error))
    }

    private mutating func dispatchService(_ service: Service, thread tid: ThreadID) -> ServiceOutcome {
        if service.createsHandle && handleQuotaReached(tid) {
            return fail(tid, Win32.ERROR_NO_SYSTEM_RESOURCES, value: service.failureHandle)
        }
        switch service {
        case let .createFile(path, access, share, disposition, flags, template):
            return createFile(tid, path: path, access: access, share: share, disposition: disposition, flags: flags, template: template)
        case let .reOpenFile(handle, access, share, flags):
            return reOpenFile(tid, handle: handle, access: access, share: share, flags: flags)
        case let .duplicateHandle(sp, source, tp, out, _, _, options):
            return duplicateHandle(tid, sourceProcess: sp, source: source, targetProcess: tp, targetOut: out, options: options)
        case .closeHandle(let h):
            return closeHandle(tid, handle: h)
        case let .readFile(h, buffer, length, bytesOut, ov):
            return startRequest(tid, .read, handle: h, buffer: buffer, length: length, bytesOut: bytesOut, overlapped: ov, routine: 0, ex: false)
        case let .writeFile(h, buffer, length, bytesOut, ov):
            return startRequest(tid, .write, handle: h, buffer: buffer, length: length, bytesOut: bytesOut, overlapped: ov, routine: 0, ex: false)
        case let .readFileEx(h, buffer, length, ov, routine):
            return startRequest(tid, .read, handle: h, buffer: buffer, length: length, bytesOut: 0, overlapped: ov, routine: routine, ex: true)
        case let .writeFileEx(h, buffer, length, ov, routine):
            return startRequest(tid, .write, handle: h, buffer: buffer, length: length, bytesOut: 0, overlapped: ov, routine: routine, ex: true)
        case let .getOverlappedResult(h, ov, bytesOut, wait):
            return getOverlappedResult(tid, handle: h, overlapped: ov, bytesOut: bytesOut,
                                       timeout: wait ? Win32.INFINITE : 0, alertable: false, ex: false)
        case let .getOverlappedResultEx(h, ov, bytesOut, timeout, alertable):
            return getOverlappedResult(tid, handle: h, overlapped: ov, bytesOut: bytesOut, timeout: timeout, alertable: alertable, ex: true)
        case .cancelIo(let h):
            return cancelIo(tid, handle: h, onlyCaller: true, overlapped: 0)
        case let .cancelIoEx(h, ov):
            return cancelIo(tid, handle: h, onlyCaller: false, overlapped: ov)
        case let .getFileSizeEx(h, out):
            return getFileSize(tid, handle: h, out: out)
        case let .setFilePointerEx(h, distance, out, method):
            return setFilePointer(tid, handle: h, distance: distance, out: out, method: method)
        case .setEndOfFile(let h):
            return setEndOfFile(tid, handle: h)
        case .flushFileBuffers(let h):
            guard let f = fileObject(h, tid) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
            guard io.files.read(f, { $0.canWrite }) == true else { return fail(tid, Win32.ERROR_ACCESS_DENIED) }
            return ok(1)
        case .deleteFile(let path):
            return deleteFile(tid, path: path)
        case let .setFileCompletionNotificationModes(h, flags):
            guard let f = fileObject(h, tid) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
            guard flags & ~UInt8(3) == 0 else { return fail(tid, Win32.ERROR_INVALID_PARAMETER) }
            io.files.update(f) { $0.modes |= flags }   // rule 15: modes can be added, never cleared
            return ok(1)

        case let .createEvent(manual, initial):
            let id = objects.create(.event)
            objects.events.insert(EventState(manualReset: manual, signaled: initial), at: id)
            return createdHandle(tid, id)
        case .setEvent(let h):
            guard let id = typedObject(h, tid, .event) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
            noteSignal(id, by: tid)
            setEvent(id)
            return ok(1)
        case .resetEvent(let h):
            guard let id = typedObject(h, tid, .event) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
            objects.events.update(id) { $0.signaled = false }
            return ok(1)
        case let .createSemaphore(initial, maximum):
            guard maximum > 0, initial >= 0, initial <= maximum else { return fail(tid, Win32.ERROR_INVALID_PARAMETER) }
            let id = objects.create(.semaphore)
            objects.semaphores.insert(SemaphoreState(count: initial, maximum: maximum), at: id)
            return createdHandle(tid, id)
        case let .releaseSemaphore(h, count, previousOut):
            guard let id = typedObject(h, tid, .semaphore) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
            return releaseSemaphore(tid, id, count: count, previousOut: previousOut)
        case .createMutex(let owned):
            let id = objects.create(.mutex)
            objects.mutexes.insert(MutexState(owner: owned ? tid : nil, recursion: owned ? 1 : 0), at: id)
            return createdHandle(tid, id)
        case .releaseMutex(let h):
            guard let id = typedObject(h, tid, .mutex) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
            guard releaseMutex(id, by: tid) else { return fail(tid, Win32.ERROR_NOT_OWNER) }
            return ok(1)
        case let .waitForSingleObject(h, timeout):
            return waitForObjects(tid, handles: [h], waitAll: false, timeout: timeout, alertable: false, call: service.name)
        case let .waitForSingleObjectEx(h, timeout, alertable):
            return waitForObjects(tid, handles: [h], waitAll: false, timeout: timeout, alertable: alertable, call: service.name)
        case let .waitForMultipleObjects(count, array, all, timeout):
            return waitForMultiple(tid, count: count, array: array, waitAll: all, timeout: timeout, alertable: false, call: service.name)
        case let .waitForMultipleObjectsEx(count, array, all, timeout, alertable):
            return waitForMultiple(tid, count: count, array: array, waitAll: all, timeout: timeout, alertable: alertable, call: service.name)
        case let .signalObjectAndWait(signal, wait, timeout, alertable):
            return signalObjectAndWait(tid, signal: signal, wait: wait, timeout: timeout, alertable: alertable)
        case .sleep(let ms):
            return sleep(tid, milliseconds: ms, alertable: false, ex: false)
        case let .sleepEx(ms, alertable):
            return sleep(tid, milliseconds: ms, alertable: alertable, ex: true)

        case let .queueUserAPC(routine, h, data):
            return queueUserAPC(tid, routine: routine, thread: h, data: data)
        case let .createIoCompletionPort(file, existing, key, concurrency):
            return createIoCompletionPort(tid, file: file, existing: existing, key: key, concurrency: concurrency)
        case let .getQueuedCompletionStatus(port, bytesOut, keyOut, ovOut, timeout):
            return getQueuedCompletionStatus(tid, port: port, timeout: timeout, alertable: false,
                                             continuation: .dequeue(bytesOut: bytesOut, keyOut: keyOut, overlappedOut: ovOut), maxPackets: 1)
        case let .getQueuedCompletionStatusEx(port, entries, count, removedOut, timeout, alertable):
            guard count > 0 else { return fail(tid, Win32.ERROR_INVALID_PARAMETER) }
            return getQueuedCompletionStatus(tid, port: port, timeout: timeout, alertable: alertable,
                                             continuation: .dequeueEx(entries: entries, count: count, removedOut: removedOut),
                                             maxPackets: Int(count))
        case let .postQueuedCompletionStatus(port, bytes, key, ov):
            guard let id = typedObject(port, tid, .port), ports.read(id, { $0.closed }) == false else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
            guard ports.queuedPostedPackets < configuration.limits.queuedPostedPackets else {
                return fail(tid, Win32.ERROR_NO_SYSTEM_RESOURCES)
            }
            insertPacket(id, CompletionPacket(bytes: bytes, key: key, overlapped: ov, status: Win32.STATUS_SUCCESS,
                                              posted: true, queuedAt: now))
            return ok(1)

        case let .createThread(body, name, idOut):
            if idOut != 0 && !isWritable(tid, idOut, 4) { return fail(tid, Win32.ERROR_NOACCESS) }
            let p = threads[tid].process
            let newTid = spawnThread(process: p, body: body, name: name, creator: tid)
            if idOut != 0 { store32(tid, UInt32(newTid.rawValue), at: idOut) }
            return createdHandle(tid, threads[newTid].objectId)
        case .exitThread(let code):
            terminate(tid, code: code)
            return .gone
        case .exitProcess(let code):
            exitProcess(threads[tid].process, code: code)
            return .gone
        case let .terminateThread(h, code):
            guard let obj = typedObject(h, tid, .thread), let t = objects.threadOfObject.read(obj, { $0 }) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
            terminate(t, code: code)
            return t == tid ? .gone : ok(1)
        case let .cancelSynchronousIo(h):
            guard let obj = typedObject(h, tid, .thread), let t = objects.threadOfObject.read(obj, { $0 }) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
            guard let id = threads[t].wait?.request, io.requests.read(id, { $0.synchronousHandle }) == true else {
                return fail(tid, Win32.ERROR_NOT_FOUND)
            }
            cancelRequest(id, by: tid)
            return ok(1)
        case let .getExitCodeThread(h, out):
            guard let obj = typedObject(h, tid, .thread), let t = objects.threadOfObject.read(obj, { $0 }) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
            guard isWritable(tid, out, 4) else { return fail(tid, Win32.ERROR_NOACCESS) }
            store32(tid, threads[t].exitCode ?? Win32.STILL_ACTIVE, at: out)
            return ok(1)
        case .getCurrentThreadId:
            return ok(UInt64(tid.rawValue))
        case let .setThreadDescription(h, text):
            guard let obj = typedObject(h, tid, .thread), let t = objects.threadOfObject.read(obj, { $0 }) else { return fail(tid, Win32.ERROR_INVALID_HANDLE) }
            threads[t].name = text
            threads[t].described = true
            return ok(0)   // HRESULT S_OK
        case .getLastError:
            return ok(UInt64(threads[tid].lastError))
        case .setLastError(let e):
            threads[tid].lastError = e
            return ok(0)
        case .getTickCount:
            return ok(UInt64(UInt32(truncatingIfNeeded: now / 1000)))
        case .getTickCount64:
            return ok(now / 1000)
        case .queryPerformanceCounter(let out):
            guard isWritable(tid, out, 8) else { return fail(tid, Win32.ERROR_NOACCESS) }
            store64(tid, now, at: out)
            return ok(1)
        case .queryPerformanceFrequency(let out):
            guard isWritable(tid, out, 8) else { return fail(tid, Win32.ERROR_NOACCESS) }
            store64(tid, 1_000_000, at: out)
            return ok(1)
        case .compute(let us):
            return .computeThen(us, ServiceResult(value: 0, lastError: 0))
        case .cpuUsage:
            return ok(UInt64(scheduler.usagePercent()))
        case .note:
            return ok(0)
        case let .labelObject(h, label):
            if let id = objectID(handle: h, process: threads[tid].process, thread: tid) { objects[id].label = label }
            return ok(1)
        }
    }

    // MARK: Memory helpers (faults become ERROR_NOACCESS at the call site)

    @inline(__always)
    func isWritable(_ tid: ThreadID, _ address: UInt64, _ length: Int) -> Bool {
        address != 0 && processes[threads[tid].process].memory.isMapped(address, length: length)
    }

    mutating func load32(_ tid: ThreadID, _ address: UInt64) -> UInt32? {
        try? processes[threads[tid].process].memory.loadUInt32(address)
    }

    mutating func load64(_ tid: ThreadID, _ address: UInt64) -> UInt64? {
        try? processes[threads[tid].process].memory.loadUInt64(address)
    }

    mutating func store32(_ tid: ThreadID, _ value: UInt32, at address: UInt64) {
        guard address != 0 else { return }
        try? processes[threads[tid].process].memory.storeUInt32(value, at: address)
    }

    mutating func store64(_ tid: ThreadID, _ value: UInt64, at address: UInt64) {
        guard address != 0 else { return }
        try? processes[threads[tid].process].memory.storeUInt64(value, at: address)
    }

    mutating func store32(process p: Int, _ value: UInt32, at address: UInt64) {
        guard address != 0 else { return }
        try? processes[p].memory.storeUInt32(value, at: address)
    }

    mutating func store64(process p: Int, _ value: UInt64, at address: UInt64) {
        guard address != 0 else { return }
        try? processes[p].memory.storeUInt64(value, at: address)
    }
}
