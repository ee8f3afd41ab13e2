/// One link of a causal chain: what happened, when, and where in the program.
public struct CauseLink: Sendable, Equatable {
    /// Virtual time in µs.
    public var time: UInt64
    public var text: String
    public var location: CodeLocation?
    public init(time: UInt64, text: String, location: CodeLocation? = nil) {
        self.time = time; self.text = text; self.location = location
    }
}

/// Causes: recorded as the kernel runs, in traced runs only (an untraced
/// run — `overlapped bench`, headless runs — pays one test of `tracing`).
extension Kernel {
    /// Why thread `id` is where it is: its last wake, then what caused that,
    /// back to the call that started it all. Newest first.
    public func why(thread raw: Int) -> [CauseLink] {
        let id = ThreadID(raw)
        guard threads.contains(id) else { return [] }
        let name = threadName(id)
        guard let wake = causes.wakes[id] else {
            return [CauseLink(time: now, text: "\(name) has not woken from a wait yet", location: threads[id].body.stack.first)]
        }
        var links = [CauseLink(time: wake.time, text: "\(name) woke from \(wake.call)", location: wake.location)]
        switch wake.how {
        case .object(let object):
            let label = objectRef(object).label
            if let signal = causes.signals[object] {
                if let request = signal.request {
                    links.append(CauseLink(time: signal.time, text: "\(label) was signaled by the completion of request #\(request)"))
                    links += requestLinks(request)
                } else if let by = signal.thread {
                    links.append(CauseLink(time: signal.time, text: "\(threadName(by)) signaled \(label)", location: signal.location))
                }
            } else {
                links.append(CauseLink(time: wake.time, text: "\(label) was signaled"))
            }
        case .timeout:
            links.append(CauseLink(time: wake.time, text: "its timeout expired"))
        case .apc(let request):
            links.append(CauseLink(time: wake.time, text: "a completion routine or APC was queued to it (alertable wait)"))
            if let request { links += requestLinks(request) }
        case let .packet(request, port, queuedAt, waiters, running, limit):
            let label = objectRef(port).label
            let order = waiters > 1 ? "newest of \(waiters) waiters" : "its only waiter"
            links.append(CauseLink(time: wake.time, text: "port \(label) released it (\(order), running \(running) < limit \(limit))"))
            if let request {
                links.append(CauseLink(time: queuedAt, text: "the packet for request #\(request) was queued"))
                links += requestLinks(request)
            } else {
                links.append(CauseLink(time: queuedAt, text: "a packet was posted with PostQueuedCompletionStatus"))
            }
        case .portClosed:
            links.append(CauseLink(time: wake.time, text: "its port was closed"))
        case .io(let request):
            if let request { links += requestLinks(request) }
        }
        return links
    }

    /// A request's end and its start.
    func requestLinks(_ request: RequestID) -> [CauseLink] {
        guard let origin = causes.origin(request) else {
            guard causes.forgot(request) else { return [] }
            return [CauseLink(time: now, text: "request #\(request) started before the newest "
                              + "\(CauseBook.keptRequests) requests; its start is no longer kept")]
        }
        var links: [CauseLink] = []
        if let finished = origin.finished {
            links.append(CauseLink(time: finished, text: "request #\(request) (\(origin.call)) finished: \(statusName(origin.status))"))
        }
        let line = origin.location.map { " at line \($0.line)" } ?? ""
        links.append(CauseLink(time: origin.time, text: "\(threadName(origin.thread)) started \(origin.call) #\(request)\(line)",
                               location: origin.location))
        return links
    }

    // MARK: Recording (only while tracing: each returns at once otherwise)

    mutating func noteOrigin(_ id: RequestID, thread tid: ThreadID, call: String) {
        guard tracing else { return }
        causes.setOrigin(id, CauseBook.Origin(thread: tid, call: call, time: now, location: threads[tid].body.stack.first))
    }

    mutating func noteCompletion(_ id: RequestID, _ req: IORequest.Ending, status: UInt32) {
        guard tracing else { return }
        causes.finish(id, at: now, status: status)
        if req.overlapped != 0 { causes.byOverlapped[req.overlapped] = id }
        causes.signals[req.event ?? req.fileObject] = CauseBook.Signal(time: now, thread: nil, request: id, location: nil)
    }

    mutating func noteSignal(_ object: ObjectID, by tid: ThreadID) {
        guard tracing else { return }
        causes.signals[object] = CauseBook.Signal(time: now, thread: tid, request: nil, location: threads[tid].body.stack.first)
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
