extension Kernel {
    // MARK: Signal state

    /// Whether `id` would satisfy a wait by `tid` now.
    @inline(__always)
    func isSignaled(_ id: ObjectID, for tid: ThreadID) -> Bool {
        switch objects[id].kind {
        case .event: return objects.events.read(id) { $0.signaled } == true
        case .semaphore: return (objects.semaphores.read(id) { $0.count } ?? 0) > 0
        case .mutex:
            guard let m = objects.mutexes.read(id, { $0 }) else { return false }
            return m.owner == nil || m.owner == tid
        case .thread: return objects.threadOfObject.read(id) { threads[$0].state == .terminated } ?? false
        case .file: return io.files.read(id) { $0.signaled } == true
        case .port:
            // Rule 37: signaled while packets are queued, and after close.
            return ports.read(id) { !$0.packets.isEmpty || $0.closed } == true
        case .process: return processes.first { $0.objectId == id }?.exitCode != nil
        }
    }

    /// Applies a satisfied wait's side effect; returns true for an abandoned mutex.
    mutating func satisfy(_ id: ObjectID, by tid: ThreadID) -> Bool {
        if !signaledCompletions.isEmpty { observeSignal(of: id, by: tid) }
        return objects.acquire(id, kind: objects[id].kind, by: tid)
    }

    /// Satisfies the wait if it can be satisfied now (rule 39: wait-any takes
    /// the lowest signaled index and changes only it; wait-all changes
    /// nothing until all are signaled).
    mutating func trySatisfy(_ tid: ThreadID, objects list: [ObjectID], waitAll: Bool) -> WaitOutcome? {
        if list.isEmpty { return nil }
        if waitAll {
            for id in list where !isSignaled(id, for: tid) { return nil }
            var abandonedIndex: Int?
            for (i, id) in list.enumerated() where satisfy(id, by: tid) && abandonedIndex == nil { abandonedIndex = i }
            return .object(index: abandonedIndex ?? 0, abandoned: abandonedIndex != nil)
        }
        // Events are what most wait-any lists hold: their state is read
        // here directly, and the general check is called only for the rest.
        for (i, id) in list.enumerated() {
            let signaled = objects[id].kind == .event ? objects.events.read(id) { $0.signaled } == true : isSignaled(id, for: tid)
            if signaled { return .object(index: i, abandoned: satisfy(id, by: tid)) }
        }
        return nil
    }

    /// Whether `id` is a port that has not been closed.
    @inline(__always)
    func isOpenPort(_ id: ObjectID) -> Bool { ports.read(id) { $0.closed } == false }

    /// Whether `entry` stands for the wait its thread is blocked in now.
    /// Entries of ended waits are dropped lazily. A thread's wait generation
    /// moves when a wait begins and when it ends, so it equals the entry's
    /// only during that very wait (read from the record's plain fields:
    /// going through the optional `wait` copied the whole record).
    @inline(__always)
    func isCurrent(_ entry: WaitEntry) -> Bool {
        threads[entry.thread].waitGeneration == entry.generation && threads[entry.thread].state == .waiting
    }

    /// `id` may have become signaled: wakes the waiters it satisfies, in wait order.
    mutating func signalChanged(_ id: ObjectID) {
        guard !objects[id].waiters.isEmpty else { return }
        // The list is compacted in place (dropping entries of waits that
        // ended) and put back, so its buffer is reused instead of rebuilt.
        var list = objects[id].waiters
        objects[id].waiters = []
        var kept = 0
        var index = 0
        while index < list.count {
            let entry = list[index]
            index += 1
            guard isCurrent(entry) else { continue }
            if !isSignaled(id, for: entry.thread) {
                list[kept] = entry
                kept += 1
                // Nothing later can be satisfied by this object either, except
                // a mutex owner re-waiting; keep the rest as they are.
                if objects[id].kind != .mutex {
                    while index < list.count {
                        list[kept] = list[index]
                        kept += 1
                        index += 1
                    }
                }
                continue
            }
            // Only the list and the mode are needed: the whole block is not copied.
            guard let (waitObjects, waitAll) = threads[entry.thread].wait.map({ ($0.objects, $0.waitAll) }) else { continue }
            if let outcome = trySatisfy(entry.thread, objects: waitObjects, waitAll: waitAll) {
                wake(entry.thread, outcome)
            } else {
                list[kept] = entry
                kept += 1
            }
        }
        list.removeLast(list.count - kept)
        // Waits that began meanwhile queue behind the ones kept.
        list.append(contentsOf: objects[id].waiters)
        objects[id].waiters = list
    }

    // MARK: Beginning and ending waits

    /// The common shape of every object wait: signaled objects first (rule
    /// 22), then queued APCs if alertable (rule 21), then a zero timeout,
    /// then block.
    mutating func beginWait(_ tid: ThreadID, objects list: [ObjectID], waitAll: Bool, timeout: UInt32, alertable: Bool,
                            call: String, continuation: WaitContinuation) -> ServiceOutcome {
        if let outcome = trySatisfy(tid, objects: list, waitAll: waitAll) {
            return .returned(finish(tid, continuation, outcome))
        }
        if alertable && !threads[tid].apcQueue.isEmpty {
            return startAPCDelivery(tid, call: call, returning: continuation)
        }
        if timeout == 0 { return .returned(finish(tid, continuation, .timeout)) }
        block(tid, WaitBlock(objects: list, waitAll: waitAll, alertable: alertable, deadline: nil, call: call,
                             continuation: continuation), timeout: timeout)
        return .blocked
    }

    /// Blocks the running thread `tid`.
    mutating func block(_ tid: ThreadID, _ w: consuming WaitBlock, timeout: UInt32) {
        threads[tid].waitGeneration &+= 1
        let generation = threads[tid].waitGeneration
        w.generation = generation
        let entry = WaitEntry(thread: tid, generation: generation)
        let list = w.objects
        var next = 0
        while next < list.count {
            // The entries go in through one mutable view of the object table
            // (one uniqueness check, not one per object); the loop leaves it
            // only to tidy a list that has grown.
            next = objects.withMutableRecords { table in
                var i = next
                while i < list.count {
                    let id = list[i]
                    let n = table[id.rawValue].waiters.count
                    if n >= Kernel.waiterCompactionThreshold && n & (n - 1) == 0 { return i }
                    Kernel.addWaiter(entry, to: &table[id.rawValue].waiters)
                    i += 1
                }
                return i
            }
            if next < list.count {
                // Tidied before the entry goes in: this wait has not begun yet,
                // so its own entry would look stale and be dropped.
                compactWaiters(list[next])
                Kernel.addWaiter(entry, to: &objects[list[next]].waiters)
                next += 1
            }
        }
        if timeout != Win32.INFINITE {
            // Saturating: a runtime's time budget stops a run long before,
            // but the kernel alone must not trap on a clock near its end.
            let (sum, overflow) = now.addingReportingOverflow(UInt64(timeout) * 1000)
            let deadline = overflow ? UInt64.max : sum
            w.deadline = deadline
            scheduler.schedule(.waitTimeout(thread: tid, generation: w.generation), at: deadline)
        }
        // Rule 31: any blocking wait other than on the port itself takes an
        // associated thread out of the port's running count.
        if w.port == nil, let p = threads[tid].associatedPort, isOpenPort(p) {
            ports.update(p) { $0.running -= 1 }
            w.countedDownPort = p
        }
        let cpu: Int? = { if case .running(let c) = threads[tid].state { return c } else { return nil } }()
        let countedDownPort = w.countedDownPort
        threads[tid].wait = consume w
        threads[tid].state = .waiting
        threads[tid].cpuGeneration &+= 1
        if let c = cpu { releaseCPU(c) }
        if let p = countedDownPort { releaseWaiters(p) }
    }

    /// The length from which a waiter list is tidied (at each power of two).
    static let waiterCompactionThreshold = 64

    /// Queues `entry` of a wait that is beginning. An entry of the same
    /// thread at the tail is from an earlier wait (a thread's generation only
    /// moves on), so it could never wake anything: the new entry takes its
    /// place, which keeps the list of an object one thread waits on again and
    /// again from growing.
    @inline(__always)
    static func addWaiter(_ entry: WaitEntry, to list: inout [WaitEntry]) {
        if let last = list.last, last.thread == entry.thread, last.generation != entry.generation {
            list[list.count - 1] = entry
        } else {
            list.append(entry)
        }
    }

    /// Drops stale entries once a waiter list has grown.
    mutating func compactWaiters(_ id: ObjectID) {
        let n = objects[id].waiters.count
        guard n >= Kernel.waiterCompactionThreshold, n & (n - 1) == 0 else { return }
        var list = objects[id].waiters
        objects[id].waiters = []
        list.removeAll { !isCurrent($0) }
        objects[id].waiters = list
    }

    /// Ends the thread's wait bookkeeping (not its state) and returns the wait.
    /// Waking from any wait counts an associated thread as running again
    /// (rule 31), unless a packet hand-off already counted it (rule 29).
    @discardableResult
    mutating func endWait(_ tid: ThreadID, alreadyCounted: Bool = false) -> WaitBlock? {
        // Moved out, not copied: a wait holds an array and a string.
        guard let w = threads[tid].wait.take() else { return nil }
        countBackIn(tid, countedDownPort: w.countedDownPort, port: w.port, alreadyCounted: alreadyCounted)
        return w
    }

    /// The bookkeeping of `endWait` once the wait is gone: a new generation
    /// and the running counts (rule 31).
    @inline(__always)
    mutating func countBackIn(_ tid: ThreadID, countedDownPort: ObjectID?, port: ObjectID?, alreadyCounted: Bool) {
        threads[tid].waitGeneration &+= 1
        if let p = countedDownPort, threads[tid].associatedPort == p, isOpenPort(p) {
            ports.update(p) { $0.running += 1 }
        }
        if !alreadyCounted, let p = port, threads[tid].associatedPort == p, isOpenPort(p) {
            ports.update(p) { $0.running += 1 }
        }
    }

    /// Ends a blocked thread's wait with `outcome` and makes it ready.
    mutating func wake(_ tid: ThreadID, _ outcome: WaitOutcome, alreadyCounted: Bool = false) {
        noteWake(tid, outcome, alreadyCounted: alreadyCounted)
        guard let w = endWait(tid, alreadyCounted: alreadyCounted) else { return }
        let result = finish(tid, w.continuation, outcome)
        threads[tid].pendingInput = .resume(result)
        threads[tid].wakeups += 1
        counters.wakeups += 1
        if tracing {
            trace.append(TraceEvent(time: now, thread: tid.rawValue, action: .wake, name: w.call, objects: w.objects.map(\.rawValue),
                                    result: renderWake(result, w.continuation, outcome),
                                    returnValue: result.value, lastError: result.lastError))
            trimTrace()
        }
        makeReady(tid, increment: Kernel.waitIncrement(outcome))
    }

    /// Turns a wait's outcome into the service's result, writing out-params
    /// and the last error.
    mutating func finish(_ tid: ThreadID, _ continuation: WaitContinuation, _ outcome: WaitOutcome) -> ServiceResult {
        func result(_ v: UInt64) -> ServiceResult { ServiceResult(value: v, lastError: threads[tid].lastError) }
        switch continuation {
        case .waitStatus:
            switch outcome {
            case .object(let i, let abandoned): return result(UInt64((abandoned ? Win32.WAIT_ABANDONED_0 : 0) + UInt32(i)))
            case .timeout: return result(UInt64(Win32.WAIT_TIMEOUT))
            case .userAPC: return result(UInt64(Win32.WAIT_IO_COMPLETION))
            default: return result(UInt64(Win32.WAIT_FAILED))
            }
        case .sleep:
            // Rule 24: SleepEx leaves the last error alone; it returns 0 when
            // the time is up, WAIT_IO_COMPLETION after APCs (Sleep returns nothing).
            if case .userAPC = outcome { return result(UInt64(Win32.WAIT_IO_COMPLETION)) }
            return result(0)
        case let .overlappedResult(ov, bytesOut, _):
            switch outcome {
            case .object:
                return overlappedOutcome(tid, overlapped: ov, bytesOut: bytesOut, afterWait: true)
            case .timeout:
                threads[tid].lastError = Win32.WAIT_TIMEOUT
                return result(0)
            case .userAPC:
                threads[tid].lastError = Win32.WAIT_IO_COMPLETION
                return result(0)
            default:
                threads[tid].lastError = Win32.ERROR_INVALID_HANDLE
                return result(0)
            }
        case let .dequeue(bytesOut, keyOut, ovOut):
            switch outcome {
            case .packet(let packet):
                return dequeued(packet, by: tid, bytesOut: bytesOut, keyOut: keyOut, overlappedOut: ovOut)
            case .packets(let list):
                guard let packet = list.first else { return result(0) }
                return dequeued(packet, by: tid, bytesOut: bytesOut, keyOut: keyOut, overlappedOut: ovOut)
            default:
                // Rule 33: nothing dequeued → FALSE with *lpOverlapped NULL.
                store64(tid, 0, at: ovOut)
                threads[tid].lastError = Kernel.emptyDequeueError(outcome)
                return result(0)
            }
        case let .dequeueEx(entries, _, removedOut):
            var outcome = outcome
            if case .packet(let packet) = outcome { outcome = .packets([packet]) }
            switch outcome {
            case .packets(let list):
                for (i, packet) in list.enumerated() {
                    let base = entries + UInt64(i) * 32
                    store64(tid, packet.key, at: base)
                    store64(tid, packet.overlapped, at: base + 8)
                    store64(tid, UInt64(packet.status), at: base + 16)
                    store32(tid, packet.bytes, at: base + 24)
                    noteHandled(packet)
                }
                store32(tid, UInt32(list.count), at: removedOut)
                if tracing {
                    record(tid, .packetDequeued, "GetQueuedCompletionStatusEx", "count=\(list.count)")
                }
                return result(1)
            case .timeout, .userAPC:
                // Windows reports one entry removed even though none was
                // (ntdll's NtRemoveIoCompletionEx; Wine's tests show it).
                store32(tid, 1, at: removedOut)
                threads[tid].lastError = Kernel.emptyDequeueError(outcome)
                return result(0)
            case .portClosed:
                store32(tid, 0, at: removedOut)
                threads[tid].lastError = Kernel.emptyDequeueError(outcome)
                return result(0)
            default:
                threads[tid].lastError = Kernel.emptyDequeueError(outcome)
                return result(0)
            }
        case let .synchronousIO(bytesOut, withOverlapped):
            guard case let .ioDone(status, bytes) = outcome else { return result(0) }
            if status == Win32.STATUS_SUCCESS {
                store32(tid, UInt32(truncatingIfNeeded: bytes), at: bytesOut)
                return result(1)
            }
            // Rule 11: at end of file a synchronous handle without OVERLAPPED
            // reports success with 0 bytes; with one, ERROR_HANDLE_EOF.
            if status == Win32.STATUS_END_OF_FILE && !withOverlapped {
                store32(tid, 0, at: bytesOut)
                return result(1)
            }
            threads[tid].lastError = Win32.win32Error(fromNTStatus: status)
            return result(0)
        }
    }

    // MARK: The wait services

    mutating func waitForObjects(_ tid: ThreadID, handles: [UInt64], waitAll: Bool, timeout: UInt32, alertable: Bool,
                                 call: String) -> ServiceOutcome {
        let failed = UInt64(Win32.WAIT_FAILED)
        guard (1 ... Win32.MAXIMUM_WAIT_OBJECTS).contains(handles.count) else {
            return fail(tid, Win32.ERROR_INVALID_PARAMETER, value: failed)
        }
        var ids: [ObjectID] = []
        ids.reserveCapacity(handles.count)
        for h in handles {
            guard let id = objectID(handle: h, process: threads[tid].process, thread: tid) else {
                return fail(tid, Win32.ERROR_INVALID_HANDLE, value: failed)
            }
            ids.append(id)
        }
        return waitForResolved(tid, ids: ids, waitAll: waitAll, timeout: timeout, alertable: alertable, call: call)
    }

    /// The wait once every handle is resolved to its object.
    mutating func waitForResolved(_ tid: ThreadID, ids: [ObjectID], waitAll: Bool, timeout: UInt32, alertable: Bool,
                                  call: String) -> ServiceOutcome {
        // Rule 39: the same object twice in a wait-all is rejected.
        if waitAll && Set(ids).count != ids.count {
            return fail(tid, Win32.ERROR_INVALID_PARAMETER, value: UInt64(Win32.WAIT_FAILED))
        }
        checkWait(tid, on: ids)
        return beginWait(tid, objects: ids, waitAll: waitAll, timeout: timeout, alertable: alertable, call: call,
                         continuation: .waitStatus)
    }

    mutating func waitForMultiple(_ tid: ThreadID, count: UInt32, array: UInt64, waitAll: Bool, timeout: UInt32,
                                  alertable: Bool, call: String) -> ServiceOutcome {
        let failed = UInt64(Win32.WAIT_FAILED)
        guard count >= 1, count <= UInt32(Win32.MAXIMUM_WAIT_OBJECTS) else {
            return fail(tid, Win32.ERROR_INVALID_PARAMETER, value: failed)
        }
        let n = Int(count)
        let p = threads[tid].process
        // The whole array in one read into a buffer on the stack (up to 64
        // loads each looked up the region again), each handle resolved as it
        // is read; handle by handle only if it spans two mappings.
        /// How reading the handle array went.
        enum ArrayRead { case resolved, badHandle, spansMappings }
        var read = ArrayRead.resolved
        let ids = withUnsafeTemporaryAllocation(byteCount: n * 8, alignment: 8) { raw -> [ObjectID] in
            guard (try? processes[p].memory.read(at: array, into: raw)) != nil else {
                read = .spansMappings
                return []
            }
            // Written in place (no append's checks per handle); each handle
            // is looked up in the handle table read once (tag bits ignored).
            // Pseudo-handles fail: WaitForMultipleObjects refuses those of
            // GetCurrentProcess/GetCurrentThread, unlike WaitForSingleObject.
            let table = processes[p].handles
            return [ObjectID](unsafeUninitializedCapacity: n) { out, initialized in
                for i in 0 ..< n {
                    let h = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
                    let index = Int(truncatingIfNeeded: h >> 2)
                    if h < UInt64(Int.max), index < table.count, let entry = table[index] {
                        out[i] = entry.object
                    } else {
                        read = .badHandle
                        return
                    }
                    initialized = i + 1
                }
            }
        }
        var handles: [UInt64]
        switch read {
        case .resolved:
            return waitForResolved(tid, ids: ids, waitAll: waitAll, timeout: timeout, alertable: alertable, call: call)
        case .badHandle:
            return fail(tid, Win32.ERROR_INVALID_HANDLE, value: failed)
        case .spansMappings:
            handles = []
            for i in 0 ..< UInt64(count) {
                guard let h = load64(tid, array &+ i * 8) else { return fail(tid, Win32.ERROR_NOACCESS, value: failed) }
                if h == Win32.currentThreadPseudoHandle || h == Win32.currentProcessPseudoHandle {
                    return fail(tid, Win32.ERROR_INVALID_HANDLE, value: failed)
                }
                handles.append(h)
            }
        }
        return waitForObjects(tid, handles: handles, waitAll: waitAll, timeout: timeout, alertable: alertable, call: call)
    }

    /// Rule 40: signal one object and wait on another as one step.
    mutating func signalObjectAndWait(_ tid: ThreadID, signal: UInt64, wait: UInt64, timeout: UInt32, alertable: Bool) -> ServiceOutcome {
        let failed = UInt64(Win32.WAIT_FAILED)
        let p = threads[tid].process
        guard let s = objectID(handle: signal, process: p, thread: tid),
              let w = objectID(handle: wait, process: p, thread: tid)
        else { return fail(tid, Win32.ERROR_INVALID_HANDLE, value: failed) }
        switch objects[s].kind {
        case .event:
            setEvent(s)
        case .semaphore:
            guard let semaphore = objects.semaphores.read(s, { $0 }), semaphore.count < semaphore.maximum else {
                return fail(tid, Win32.ERROR_TOO_MANY_POSTS, value: failed)
            }
            objects.semaphores.update(s) { $0.count += 1 }
            signalChanged(s)
        case .mutex:
            guard releaseMutex(s, by: tid) else { return fail(tid, Win32.ERROR_NOT_OWNER, value: failed) }
        default:
            // STATUS_OBJECT_TYPE_MISMATCH → ERROR_INVALID_HANDLE.
            return fail(tid, Win32.ERROR_INVALID_HANDLE, value: failed)
        }
        return beginWait(tid, objects: [w], waitAll: false, timeout: timeout, alertable: alertable,
                         call: "SignalObjectAndWait", continuation: .waitStatus)
    }

    mutating func sleep(_ tid: ThreadID, milliseconds: UInt32, alertable: Bool, ex: Bool) -> ServiceOutcome {
        if alertable && !threads[tid].apcQueue.isEmpty { return startAPCDelivery(tid, call: "SleepEx", returning: .sleep(ex: ex)) }
        if milliseconds == 0 { return .yield(ServiceResult(value: 0, lastError: threads[tid].lastError)) }
        block(tid, WaitBlock(objects: [], waitAll: false, alertable: alertable, deadline: nil,
                             call: ex ? "SleepEx" : "Sleep", continuation: .sleep(ex: ex)), timeout: milliseconds)
        return .blocked
    }

    // MARK: GetOverlappedResult

    /// Rule 17: reads the OVERLAPPED; waits on hEvent (or the file) only while pending.
    mutating func getOverlappedResult(_ tid: ThreadID, handle: UInt64, overlapped ov: UInt64, bytesOut: UInt64,
                                      timeout: UInt32, alertable: Bool, ex: Bool) -> ServiceOutcome {
        guard let internalStatus = load32(tid, ov), let hEvent = load64(tid, ov &+ 24) else { return fail(tid, Win32.ERROR_NOACCESS) }
        if bytesOut != 0 && !isWritable(tid, bytesOut, 4) { return fail(tid, Win32.ERROR_NOACCESS) }
        if internalStatus != Win32.STATUS_PENDING {
            return .returned(overlappedOutcome(tid, overlapped: ov, bytesOut: bytesOut, afterWait: false))
        }
        if timeout == 0 { return fail(tid, Win32.ERROR_IO_INCOMPLETE) }
        let waitHandle = hEvent & ~1 != 0 ? hEvent & ~1 : handle
        guard let id = objectID(handle: waitHandle, process: threads[tid].process, thread: tid) else {
            return fail(tid, Win32.ERROR_INVALID_HANDLE)
        }
        checkWait(tid, on: [id])
        return beginWait(tid, objects: [id], waitAll: false, timeout: timeout, alertable: alertable,
                         call: ex ? "GetOverlappedResultEx" : "GetOverlappedResult",
                         continuation: .overlappedResult(overlapped: ov, bytesOut: bytesOut, ex: ex))
    }

    /// The result GetOverlappedResult reports from the OVERLAPPED's fields.
    mutating func overlappedOutcome(_ tid: ThreadID, overlapped ov: UInt64, bytesOut: UInt64, afterWait: Bool) -> ServiceResult {
        var status = load32(tid, ov) ?? Win32.STATUS_ACCESS_VIOLATION
        // After a satisfied wait a still-pending status means the object was
        // signaled by something else; Windows reports success then.
        if afterWait && status == Win32.STATUS_PENDING { status = Win32.STATUS_SUCCESS }
        let bytes = load64(tid, ov &+ 8) ?? 0
        store32(tid, UInt32(truncatingIfNeeded: bytes), at: bytesOut)
        if status != Win32.STATUS_PENDING, !signaledCompletions.isEmpty { observeOverlapped(ov, by: tid) }
        if Int32(bitPattern: status) >= 0 {   // NT_SUCCESS
            return ServiceResult(value: 1, lastError: threads[tid].lastError)
        }
        threads[tid].lastError = Win32.win32Error(fromNTStatus: status)
        return ServiceResult(value: 0, lastError: threads[tid].lastError)
    }
}

extension Kernel {
    /// A dequeued packet is a completion handled, with its latency, unless
    /// the program posted it itself (PostQueuedCompletionStatus): that is
    /// no I/O request, so it must not make "handled" exceed "completed".
    mutating func noteHandled(_ packet: CompletionPacket) {
        guard !packet.posted else { return }
        counters.handledCompletions += 1
        counters.handlingLatencyTotal += now - packet.queuedAt
        counters.handlingLatencyMax = max(counters.handlingLatencyMax, now - packet.queuedAt)
    }

    /// GetQueuedCompletionStatus got `packet`: its out-parameters, the
    /// counters and the result (rule 33: a failed request's packet gives
    /// FALSE with lpOverlapped set).
    mutating func dequeued(_ packet: CompletionPacket, by tid: ThreadID, bytesOut: UInt64, keyOut: UInt64,
                           overlappedOut: UInt64) -> ServiceResult {
        store32(tid, packet.bytes, at: bytesOut)
        store64(tid, packet.key, at: keyOut)
        store64(tid, packet.overlapped, at: overlappedOut)
        noteHandled(packet)
        if tracing {
            record(tid, .packetDequeued, "GetQueuedCompletionStatus",
                   "key=\(packet.key) bytes=\(packet.bytes) ov=\(hex(packet.overlapped))", result: statusName(packet.status))
        }
        if packet.status != Win32.STATUS_SUCCESS {
            threads[tid].lastError = Win32.win32Error(fromNTStatus: packet.status)
        }
        return ServiceResult(value: packet.status == Win32.STATUS_SUCCESS ? 1 : 0, lastError: threads[tid].lastError)
    }

    /// The last error of a GetQueuedCompletionStatus(Ex) that dequeued nothing
    /// (rules 33–35): a timeout, an APC run by the Ex form, or the port closing.
    static func emptyDequeueError(_ outcome: WaitOutcome) -> UInt32 {
        switch outcome {
        case .timeout: return Win32.WAIT_TIMEOUT
        case .userAPC: return Win32.WAIT_IO_COMPLETION
        case .portClosed: return Win32.ERROR_ABANDONED_WAIT_0
        default: return Win32.ERROR_INVALID_HANDLE
        }
    }
}
