/// "Why" for what is not a thread: a request, a queued packet, a queued APC,
/// an object. Each chain starts with the subject as it is now (why it is
/// still waiting, or its state), then goes back through the causes the
/// kernel recorded, newest first.
extension Kernel {
    // MARK: Requests

    /// A request in flight (where it is) or done (what it notified and with
    /// what status), back to the call that started it.
    func whyRequest(_ id: RequestID, _ names: CauseNames) -> [CauseLink] {
        let name = requestName(id, names)
        var links: [CauseLink] = []
        if let phase = io.requests.read(id, { phaseText($0) }) {
            links.append(CauseLink(time: now, text: "\(name) is in flight: \(phase)"))
        } else if let origin = causes.origin(id), let finished = origin.finished {
            links += notifiedLinks(origin, at: finished, names)
        }
        let history = requestLinks(id, names)
        return history.isEmpty && links.isEmpty ? [] : links + history
    }

    private func phaseText(_ request: IORequest) -> String {
        let due = request.completesAt.map { ", done at \(CauseLink.milliseconds($0))" } ?? ""
        switch request.phase {
        case .waitingForFile: return "waiting for the file (a synchronous handle runs one request at a time)"
        case .queuedOnDisk: return "queued on the disk behind other requests"
        case .inService: return "the disk is working on it\(due)"
        case .fileSystem: return "the file system answers it (end of file)\(due)"
        }
    }

    /// What a finished request's completion told the program by, newest first.
    private func notifiedLinks(_ origin: CauseBook.Origin, at time: UInt64, _ names: CauseNames) -> [CauseLink] {
        guard let notified = origin.notified else {
            return [CauseLink(time: time, text: "it notified nothing: it failed at once, and the call's result said so")]
        }
        var links: [CauseLink] = []
        if let thread = notified.apcThread {
            links.append(CauseLink(time: time, text: "its completion routine \(routineName(notified.routine)) was queued to \(threadName(thread, names))"))
        }
        if let port = notified.port {
            links.append(CauseLink(time: time, text: "its packet was queued to \(causeObjectName(port)) (key \(notified.key))"))
        }
        if let object = notified.signaled {
            links.append(CauseLink(time: time, text: "it signaled \(causeObjectName(object))"))
        }
        if links.isEmpty {
            links.append(CauseLink(time: time, text: "it notified nothing: the call itself returned its result"))
        }
        return links
    }

    /// The request whose completion with `overlapped` happened at `time`
    /// (a packet's or completion routine's request).
    func request(completing overlapped: UInt64, at time: UInt64) -> RequestID? {
        guard overlapped != 0 else { return nil }
        if let id = causes.byOverlapped[overlapped], causes.origin(id)?.finished == time { return id }
        // The same OVERLAPPED was used again since: look back through the
        // recorded requests (a key press, not a kernel step, pays for it).
        for raw in stride(from: io.lastRequestID.rawValue, to: 0, by: -1) {
            let id = RequestID(raw)
            if let origin = causes.origin(id), origin.overlapped == overlapped, origin.finished == time { return id }
        }
        return nil
    }

    // MARK: Packets

    /// A packet in a port's queue: why it is still there, then the request
    /// whose completion queued it, or who posted it.
    func whyPacket(port: ObjectID, index: Int, _ names: CauseNames) -> [CauseLink] {
        guard let state = ports.read(port, { $0 }), state.packets.indices.contains(index) else { return [] }
        let packet = state.packets[index]
        let label = causeObjectName(port)
        let live = state.waiters.filter { threads[$0.thread].state == .waiting && threads[$0.thread].wait?.generation == $0.generation }
        let place = "place \(index + 1) of \(state.packets.count) in the queue of \(label)"
        let reason: String
        if state.running >= state.limit {
            reason = "running \(state.running) = limit \(state.limit), so the port releases no waiter"
        } else if live.isEmpty {
            reason = "no thread is blocked in GetQueuedCompletionStatus on it"
        } else {
            reason = "older packets go first"
        }
        var links = [CauseLink(time: now, text: "it waits at \(place): \(reason)")]
        if packet.posted {
            if let handoff = post(to: port, at: packet.queuedAt, key: packet.key, overlapped: packet.overlapped) {
                links.append(handoffLink(handoff, names))
            } else {
                links.append(CauseLink(time: packet.queuedAt, text: "it was posted with PostQueuedCompletionStatus (key \(packet.key))"))
            }
        } else if let request = request(completing: packet.overlapped, at: packet.queuedAt) {
            links.append(CauseLink(time: packet.queuedAt,
                                   text: "the completion of \(requestName(request, names)) queued it to \(label) (key \(packet.key))"))
            links += requestLinks(request, names)
        } else {
            links.append(CauseLink(time: packet.queuedAt, text: "a request's completion queued it (key \(packet.key))"))
        }
        return links
    }

    /// The recorded post to `port` at `time` (matching `key` and
    /// `overlapped` when given), latest first.
    func post(to port: ObjectID, at time: UInt64, key: UInt64? = nil, overlapped: UInt64? = nil) -> CauseBook.Handoff? {
        causes.handoffs.last { handoff in
            guard handoff.time == time, case let .posted(p, k, ov, _) = handoff.kind, p == port else { return false }
            return (key.map { $0 == k } ?? true) && (overlapped.map { $0 == ov } ?? true)
        }
    }

    // MARK: APCs

    /// An APC in a thread's queue: why it has not run, then the request it
    /// reports (a completion routine) or who queued it (QueueUserAPC).
    func whyAPC(thread tid: ThreadID, index: Int, _ names: CauseNames) -> [CauseLink] {
        guard threads.contains(tid), threads[tid].apcQueue.indices.contains(index) else { return [] }
        let apc = threads[tid].apcQueue[index]
        let name = threadName(tid, names)
        let place = "place \(index + 1) of \(threads[tid].apcQueue.count) in \(name)'s APC queue"
        let reason: String
        if !threads[tid].apcFrames.isEmpty {
            reason = "\(name) is running the APCs before it, in an alertable wait"
        } else if threads[tid].state == .waiting, let wait = threads[tid].wait {
            reason = "\(name) waits in \(wait.call), which is not alertable"
        } else {
            reason = "an APC runs only when \(name) waits alertably (SleepEx, WaitFor…Ex, GetQueuedCompletionStatusEx)"
        }
        var links = [CauseLink(time: now, text: "it waits at \(place): \(reason)")]
        let routine = routineName(apc.routine)
        switch apc.kind {
        case .completionRoutine:
            let overlapped = apc.arguments.count > 2 ? apc.arguments[2] : 0
            if let request = request(completing: overlapped, at: apc.queuedAt) {
                links.append(CauseLink(time: apc.queuedAt,
                                       text: "the completion of \(requestName(request, names)) queued completion routine \(routine) to \(name)"))
                links += requestLinks(request, names)
            } else {
                links.append(CauseLink(time: apc.queuedAt, text: "a request's completion queued completion routine \(routine) to \(name)"))
            }
        case .userAPC:
            let argument = apc.arguments.first ?? 0
            let handoff = causes.handoffs.last { handoff in
                handoff.time == apc.queuedAt && handoff.kind == .userAPC(thread: tid, routine: apc.routine, argument: argument)
            }
            if let handoff {
                links.append(handoffLink(handoff, names))
            } else {
                links.append(CauseLink(time: apc.queuedAt, text: "\(routine)(\(argument)) was queued to \(name) with QueueUserAPC"))
            }
        }
        return links
    }

    /// The latest user APC queued to `tid` no later than `time`.
    func latestUserAPC(to tid: ThreadID, before time: UInt64) -> CauseBook.Handoff? {
        causes.handoffs.last { handoff in
            guard handoff.time <= time, case .userAPC(let thread, _, _) = handoff.kind else { return false }
            return thread == tid
        }
    }

    /// Who posted a packet or queued a user APC, and where.
    func handoffLink(_ handoff: CauseBook.Handoff, _ names: CauseNames) -> CauseLink {
        let by = threadName(handoff.thread, names)
        let line = handoff.location.map { " at line \($0.line)" } ?? ""
        switch handoff.kind {
        case let .posted(port, key, _, _):
            return CauseLink(time: handoff.time, text: "\(by) posted it to \(causeObjectName(port)) with PostQueuedCompletionStatus (key \(key))\(line)",
                             location: handoff.location)
        case let .userAPC(thread, routine, argument):
            return CauseLink(time: handoff.time,
                             text: "\(by) queued \(routineName(routine))(\(argument)) to \(threadName(thread, names)) with QueueUserAPC\(line)",
                             location: handoff.location)
        }
    }

    // MARK: Objects

    /// An object: its state now, then who last signaled it (a thread, or a
    /// request's completion back to its start), or that nothing has.
    func whyObject(_ id: ObjectID, _ names: CauseNames) -> [CauseLink] {
        guard objects.contains(id) else { return [] }
        var links = [CauseLink(time: now, text: stateText(id, names))]
        guard let signal = causes.signals[id] else {
            links.append(CauseLink(time: now, text: neverSignaledText(id)))
            return links
        }
        if let request = signal.request {
            links.append(CauseLink(time: signal.time, text: "the completion of \(requestName(request, names)) signaled it"))
            links += requestLinks(request, names)
        } else if let by = signal.thread {
            links.append(signalLink(signal, by: by, object: id, names))
        }
        return links
    }

    /// A thread's signal of `object`: the call and line, or its exit.
    func signalLink(_ signal: CauseBook.Signal, by tid: ThreadID, object: ObjectID, _ names: CauseNames) -> CauseLink {
        let by = threadName(tid, names)
        let label = causeObjectName(object)
        guard let call = signal.call else {
            let text = objects.mutexes.read(object, { _ in true }) != nil ? "\(by) exited owning \(label): it is abandoned" : "\(by) exited, which signals \(label)"
            return CauseLink(time: signal.time, text: text, location: signal.location)
        }
        let line = signal.location.map { " at line \($0.line)" } ?? ""
        return CauseLink(time: signal.time, text: "\(by) signaled \(label) with \(call)\(line)", location: signal.location)
    }

    private func stateText(_ id: ObjectID, _ names: CauseNames) -> String {
        let name = causeObjectName(id)
        if let event = objects.events.read(id, { $0 }) {
            let kind = event.manualReset ? "manual-reset" : "auto-reset"
            return "\(name) (\(kind)) is \(event.signaled ? "signaled" : "not signaled")"
        }
        if let semaphore = objects.semaphores.read(id, { $0 }) { return "\(name) has count \(semaphore.count) of \(semaphore.maximum)" }
        if let mutex = objects.mutexes.read(id, { $0 }) {
            if let owner = mutex.owner { return "\(name) is owned by \(threadName(owner, names))" }
            return "\(name) is free\(mutex.abandoned ? " (abandoned)" : "")"
        }
        if let signaled = io.files.read(id, { $0.signaled }) { return "\(name) is \(signaled ? "signaled" : "not signaled")" }
        if let port = ports.read(id, { $0 }) {
            return "\(name) has \(port.packets.count) packet\(port.packets.count == 1 ? "" : "s") queued, running \(port.running) of limit \(port.limit)"
        }
        if let tid = objects.threadOfObject.read(id, { $0 }) {
            return "\(name) has \(threads[tid].state == .terminated ? "exited" : "not exited")"
        }
        return name
    }

    private func neverSignaledText(_ id: ObjectID) -> String {
        let label = causeObjectName(id)
        if objects.events.read(id, { $0.signaled }) == true { return "nothing has signaled \(label): it was created signaled" }
        if let count = objects.semaphores.read(id, { $0.count }), count > 0 { return "nothing has released \(label): its count is from its creation" }
        if ports.read(id, { _ in true }) != nil { return "a port is signaled while packets are queued on it" }
        return "nothing has signaled \(label) yet"
    }
}
