/// One link of a causal chain: what happened, when, and where in the program.
public struct CauseLink: Sendable, Equatable {
    /// Virtual time in µs.
    public var time: UInt64
    public var text: String
    public var location: CodeLocation?
    public init(time: UInt64, text: String, location: CodeLocation? = nil) {
        self.time = time; self.text = text; self.location = location
    }

    /// A virtual time as the chains and the overlay show it: "2.893 ms".
    public static func milliseconds(_ us: UInt64) -> String {
        let fraction = String(us % 1000)
        return "\(us / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) ms"
    }
}

/// Causes: recorded as the kernel runs, in traced runs only (an untraced
/// run — `overlapped bench`, headless runs — pays one test of `tracing`).
extension Kernel {
    /// Why `subject` is as it is now, newest cause first: for a thread its
    /// last wake and what caused that, back to the call that started it all;
    /// for the other subjects see `Kernel+WhySubjects`. Empty when the run
    /// records no causes (untraced) or the subject is not there.
    public func why(_ subject: WhySubject, names: CauseNames = CauseNames()) -> [CauseLink] {
        guard tracing else { return [] }
        switch subject {
        case .thread(let id): return whyThread(ThreadID(id), names)
        case .request(let id): return whyRequest(RequestID(id), names)
        case let .packet(port, index): return whyPacket(port: ObjectID(port), index: index, names)
        case let .apc(thread, index): return whyAPC(thread: ThreadID(thread), index: index, names)
        case .object(let id): return whyObject(ObjectID(id), names)
        }
    }

    /// Why thread `id` is where it is (see `why(_:names:)`).
    public func why(thread id: Int) -> [CauseLink] { why(.thread(id)) }

    func whyThread(_ id: ThreadID, _ names: CauseNames) -> [CauseLink] {
        guard threads.contains(id) else { return [] }
        let name = threadName(id, names)
        guard let wake = causes.wakes[id] else {
            return [CauseLink(time: now, text: "\(name) has not woken from a wait yet", location: threads[id].body.stack.first)]
        }
        var links = [CauseLink(time: wake.time, text: "\(name) woke from \(wake.call)", location: wake.location)]
        switch wake.how {
        case .object(let object):
            let label = causeObjectName(object)
            if let signal = causes.wakeSignals[id] ?? causes.signals[object] {
                if let request = signal.request {
                    links.append(CauseLink(time: signal.time, text: "\(label) was signaled by the completion of \(requestName(request, names))"))
                    links += requestLinks(request, names)
                } else if let by = signal.thread {
                    links.append(signalLink(signal, by: by, object: object, names))
                }
            } else {
                links.append(CauseLink(time: wake.time, text: "\(label) was signaled"))
            }
        case .timeout:
            links.append(CauseLink(time: wake.time, text: "its timeout expired"))
        case .apc(let request):
            if let request {
                links.append(CauseLink(time: wake.time, text: "the completion routine for \(requestName(request, names)) was queued to it (alertable wait)"))
                links += requestLinks(request, names)
            } else if let handoff = latestUserAPC(to: id, before: wake.time) {
                links.append(CauseLink(time: wake.time, text: "an APC was queued to it (alertable wait)"))
                links.append(handoffLink(handoff, names))
            } else {
                links.append(CauseLink(time: wake.time, text: "an APC was queued to it (alertable wait)"))
            }
        case let .packet(request, port, queuedAt, waiters, running, limit):
            let label = causeObjectName(port)
            let order = waiters > 1 ? "newest of \(waiters) waiters" : "its only waiter"
            links.append(CauseLink(time: wake.time, text: "\(label) released it (\(order), running \(running) < limit \(limit))"))
            if let request {
                links.append(CauseLink(time: queuedAt, text: "the packet for \(requestName(request, names)) was queued"))
                links += requestLinks(request, names)
            } else if let handoff = post(to: port, at: queuedAt) {
                links.append(handoffLink(handoff, names))
            } else {
                links.append(CauseLink(time: queuedAt, text: "a packet was posted with PostQueuedCompletionStatus"))
            }
        case .portClosed:
            links.append(CauseLink(time: wake.time, text: "its port was closed"))
        case .io(let request):
            if let request { links += requestLinks(request, names) }
        }
        return links
    }

    /// A request's end and its start.
    func requestLinks(_ request: RequestID, _ names: CauseNames) -> [CauseLink] {
        guard let origin = causes.origin(request) else {
            guard causes.forgot(request) else { return [] }
            return [CauseLink(time: now, text: "request #\(request) started before the newest "
                              + "\(CauseBook.keptRequests) requests; its start is no longer kept")]
        }
        var links: [CauseLink] = []
        let name = requestName(request, names)
        if let finished = origin.finished {
            let bytes = origin.status == Win32.STATUS_SUCCESS ? ", \(origin.bytes) bytes" : ""
            let when = finished == origin.time ? " at once" : ""
            links.append(CauseLink(time: finished, text: "\(name) finished\(when): \(statusName(origin.status))\(bytes)"))
        }
        let line = origin.location.map { " at line \($0.line)" } ?? ""
        let what = origin.overlapped != 0 && names.overlapped(origin.overlapped) != nil
            ? "\(origin.call) with \(name)" : "\(origin.call) #\(request)"
        links.append(CauseLink(time: origin.time, text: "\(threadName(origin.thread, names)) started \(what)\(line)",
                               location: origin.location))
        return links
    }

    // MARK: Names

    /// A thread as the view names it.
    func threadName(_ tid: ThreadID, _ names: CauseNames) -> String {
        names.thread(tid.rawValue) ?? threadName(tid)
    }

    /// A request by the program's name for its `OVERLAPPED`, else by number.
    func requestName(_ id: RequestID, _ names: CauseNames) -> String {
        if let overlapped = causes.origin(id)?.overlapped, overlapped != 0, let label = names.overlapped(overlapped) { return label }
        return "request #\(id)"
    }

    /// An object with its kind and the program's name for it, quoted as
    /// misuse warnings quote it: "event 'hDone'", "port 'port'".
    func causeObjectName(_ id: ObjectID) -> String {
        let ref = objectRef(id)
        return "\(ref.kind.rawValue) '\(ref.label)'"
    }

    func routineName(_ address: UInt64) -> String { routineNames[address] ?? hex(address) }

    // MARK: Recording (only while tracing: each returns at once otherwise)

    mutating func noteOrigin(_ id: RequestID, thread tid: ThreadID, call: String, overlapped: UInt64 = 0) {
        guard tracing else { return }
        causes.setOrigin(id, CauseBook.Origin(thread: tid, call: call, time: now, location: threads[tid].body.stack.first,
                                              overlapped: overlapped))
    }

    mutating func noteCompletion(_ id: RequestID, _ req: IORequest.Ending, status: UInt32) {
        guard tracing else { return }
        causes.finish(id, at: now, status: status)
        if req.overlapped != 0 { causes.byOverlapped[req.overlapped] = id }
    }

    /// What a completion notified, noted before it signals anything (a wake
    /// it causes reads the signal).
    mutating func noteNotified(_ id: RequestID, bytes: UInt64, signaled: ObjectID?, port: ObjectID?, key: UInt64,
                               apcThread: ThreadID?,
                               routine: UInt64) {
        guard tracing else { return }
        if var origin = causes.origin(id) {
            origin.bytes = bytes
            origin.notified = CauseBook.Notified(signaled: signaled, port: port, key: key, apcThread: apcThread, routine: routine)
            causes.setOrigin(id, origin)
        }
        if let signaled { causes.signals[signaled] = CauseBook.Signal(time: now, thread: nil, request: id, location: nil) }
    }

    /// `tid` signals `object` with `call`, or (nil) by exiting; noted before the signal takes effect.
    mutating func noteSignal(_ object: ObjectID, by tid: ThreadID, call: String? = nil) {
        guard tracing else { return }
        causes.signals[object] = CauseBook.Signal(time: now, thread: tid, request: nil, location: threads[tid].body.stack.first,
                                                  call: call)
    }

    /// `tid` posts a packet or queues a user APC.
    mutating func noteHandoff(_ kind: CauseBook.Handoff.Kind, by tid: ThreadID) {
        guard tracing else { return }
        causes.addHandoff(CauseBook.Handoff(kind: kind, time: now, thread: tid, location: threads[tid].body.stack.first))
    }

    /// Called while the thread's wait block is still in place. A port
    /// releasing a waiter has already taken it off its LIFO and, when
    /// `alreadyCounted`, counted it as running: the figures are put back as
    /// they were when the port chose.
    mutating func noteWake(_ tid: ThreadID, _ outcome: WaitOutcome, alreadyCounted: Bool) {
        guard tracing, let w = threads[tid].wait else { return }
        let how: CauseBook.How
        switch outcome {
        case .object(let index, _):
            how = w.objects.indices.contains(index) ? .object(w.objects[index]) : .timeout
        case .timeout:
            how = .timeout
        case .userAPC:
            let routine = threads[tid].apcQueue.first { $0.kind == .completionRoutine }
            how = .apc(request: routine.flatMap { $0.arguments.count > 2 ? causes.byOverlapped[$0.arguments[2]] : nil })
        case .packet(let p):
            how = packetCause(p, port: w.port, alreadyCounted: alreadyCounted)
        case .packets(let ps):
            how = ps.first.map { packetCause($0, port: w.port, alreadyCounted: alreadyCounted) } ?? .portClosed
        case .portClosed:
            how = .portClosed
        case .ioDone:
            how = .io(request: w.request)
        }
        if case .object(let object) = how { causes.wakeSignals[tid] = causes.signals[object] } else { causes.wakeSignals[tid] = nil }
        causes.wakes[tid] = CauseBook.Wake(time: now, call: w.call, location: threads[tid].body.stack.first, how: how)
    }

    private func packetCause(_ p: CompletionPacket, port: ObjectID?, alreadyCounted: Bool) -> CauseBook.How {
        let request = p.posted ? nil : causes.byOverlapped[p.overlapped]
        guard let port, let state = ports.read(port, { $0 }) else {
            return .packet(request: request, port: port ?? ObjectID(0), queuedAt: p.queuedAt, waiters: 1, running: 0, limit: 0)
        }
        let waiters = state.waiters.filter { threads[$0.thread].state == .waiting && threads[$0.thread].wait?.generation == $0.generation }
        return .packet(request: request, port: port, queuedAt: p.queuedAt, waiters: waiters.count + 1,
                       running: state.running - (alreadyCounted ? 1 : 0), limit: state.limit)
    }
}
