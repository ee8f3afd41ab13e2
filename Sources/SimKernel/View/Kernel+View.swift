extension Kernel {
    /// The label the view shows for an object.
    func objectRef(_ id: ObjectID) -> ObjectRef {
        let o = objects[id]
        if let label = o.label { return ObjectRef(id: id.rawValue, kind: o.kind, label: label) }
        let name: String
        switch o.kind {
        case .event: name = "Event#\(id)"
        case .semaphore: name = "Semaphore#\(id)"
        case .mutex: name = "Mutex#\(id)"
        case .thread: name = objects.threadOfObject.read(id) { threadName($0) } ?? "Thread#\(id)"
        case .file: name = io.files.read(id) { "\($0.path)#\(id)" } ?? "File#\(id)"
        case .port: name = "Port#\(id)"
        case .process: name = "Process#\(id)"
        }
        return ObjectRef(id: id.rawValue, kind: o.kind, label: name)
    }

    func waitView(_ t: ThreadRecord) -> WaitView {
        guard let w = t.wait else { return WaitView(reason: .sleep, alertable: false, deadline: nil, call: "?") }
        let reason: WaitView.Reason
        if let p = w.port {
            reason = .completionPort(objectRef(p))
        } else if let r = w.request {
            reason = .synchronousIO(io.requests.read(r) { objectRef($0.fileObject) } ?? ObjectRef(id: 0, kind: .file, label: "?"))
        } else if w.objects.isEmpty {
            reason = .sleep
        } else {
            reason = .objects(w.objects.map(objectRef), waitAll: w.waitAll)
        }
        return WaitView(reason: reason, alertable: w.alertable, deadline: w.deadline, call: w.call)
    }

    func threadView(_ t: ThreadRecord) -> ThreadView {
        let state: ThreadStateView
        switch t.state {
        case .ready: state = .ready
        case .running(let cpu): state = .running(cpu: cpu)
        case .waiting: state = .waiting(waitView(t))
        case .terminated: state = .terminated(exitCode: t.exitCode ?? 0)
        }
        let apcs = t.apcQueue.map { a in
            APCView(kind: a.kind, routine: a.routine, routineName: routineNames[a.routine] ?? "",
                    errorCode: a.kind == .completionRoutine ? UInt32(truncatingIfNeeded: a.arguments.first ?? 0) : 0,
                    bytes: a.kind == .completionRoutine && a.arguments.count > 1 ? UInt32(truncatingIfNeeded: a.arguments[1]) : 0,
                    argument: a.kind == .completionRoutine ? (a.arguments.count > 2 ? a.arguments[2] : 0) : (a.arguments.first ?? 0))
        }
        var view = ThreadView(id: t.id.rawValue, name: t.name, state: state, stack: t.body.stack, inAPC: !t.apcFrames.isEmpty,
                              apcQueue: Array(apcs), associatedPort: t.associatedPort?.rawValue, lastError: t.lastError,
                              cpuTime: t.cpuTime, wakeups: t.wakeups, priority: t.priority, basePriority: t.basePriority)
        if !warnings.isEmpty { view.warnings = warnings.reduce(0) { $0 + ($1.thread == t.id.rawValue ? 1 : 0) } }
        return view
    }

    /// Every thread's state, in the order of `view().threads`: what a
    /// timeline samples after every event, far cheaper than `view()`.
    public func threadStateSamples() -> [ThreadStateSample] {
        threads.all.map { t in
            let kind: ThreadStateKind
            switch t.state {
            case .ready: kind = .ready
            case .running: kind = .running
            case .waiting: kind = t.wait?.alertable == true ? .alertable : .waiting
            case .terminated: kind = .terminated
            }
            return ThreadStateSample(id: t.id.rawValue, kind: kind)
        }
    }

    /// Requests completed so far (`view().counters.requestsCompleted`, without the view).
    public var requestsCompleted: Int { counters.requestsCompleted }

    /// A read-only picture of the whole machine now.
    public func view() -> MachineView { view(maxRequests: nil) }

    /// The picture with at most `maxRequests` (oldest first) of the requests
    /// in flight: with 100,000 outstanding, building them all dominates.
    public func view(maxRequests: Int?) -> MachineView {
        var v = MachineView(now: now, cpuCount: scheduler.cpus.count)
        // Handle values per object, gathered in one pass over the tables.
        var handleValues: [ObjectID: [UInt64]] = [:]
        for p in processes {
            for (i, e) in p.handles.enumerated() { if let e { handleValues[e.object, default: []].append(UInt64(i) << 2) } }
        }
        v.cpus = scheduler.cpus.map { $0.thread?.rawValue }
        let names = threadNames()
        v.threads = threads.all.map { t in
            var thread = threadView(t)
            thread.name = names[t.id.rawValue]
            return thread
        }
        for id in objects.ids where objects[id].alive {
            switch objects[id].kind {
            case .event:
                if let e = objects.events.read(id, { $0 }) {
                    var event = EventView(object: objectRef(id), manualReset: e.manualReset, signaled: e.signaled)
                    event.handles = handleValues[id] ?? []
                    v.events.append(event)
                }
            case .semaphore:
                if let s = objects.semaphores.read(id, { $0 }) { v.semaphores.append(SemaphoreView(object: objectRef(id), count: s.count, maximum: s.maximum)) }
            case .mutex:
                if let m = objects.mutexes.read(id, { $0 }) {
                    v.mutexes.append(MutexView(object: objectRef(id), owner: m.owner?.rawValue, recursion: m.recursion, abandoned: m.abandoned))
                }
            case .file:
                if let f = io.files.read(id, { $0 }) {
                    v.files.append(FileObjectView(object: objectRef(id), path: f.path, overlapped: f.overlapped, noBuffering: f.noBuffering,
                                                  signaled: f.signaled, position: f.position, port: f.port?.rawValue,
                                                  key: f.port == nil ? nil : f.key, notificationModes: f.modes,
                                                  handles: handleValues[id] ?? []))
                }
            case .port:
                if let p = ports.read(id, { $0 }) { v.ports.append(portView(id, p)) }
            case .thread, .process:
                break
            }
        }
        var fileRefs: [ObjectID: ObjectRef] = [:]
        let cap = maxRequests ?? Int.max
        v.requests.reserveCapacity(min(cap, io.requests.count))
        for id in io.requestOrder {
            if v.requests.count >= cap { break }
            guard let r = io.requests.read(id, { $0 }) else { continue }
            let ref = fileRefs[r.fileObject] ?? objectRef(r.fileObject)
            fileRefs[r.fileObject] = ref
            v.requests.append(IORequestView(id: id.rawValue, thread: r.thread.rawValue, file: ref, operation: r.operation, offset: r.offset,
                                            length: r.length, overlapped: r.overlapped, issuedAt: r.issuedAt, completesAt: r.completesAt))
        }
        var c = counters
        c.cpuBusy = scheduler.busyTimes
        v.counters = c
        return v
    }

    /// The chapter's picture of a port (docs/SEMANTICS.md "Completion port view").
    func portView(_ id: ObjectID, _ p: PortState) -> PortView {
        var waiting: [Int] = []
        for e in p.waiters.reversed() {
            if let w = threads[e.thread].wait, w.generation == e.generation, threads[e.thread].state == .waiting {
                waiting.append(e.thread.rawValue)
            }
        }
        var released: [Int] = []
        var paused: [Int] = []
        for tid in p.associated where threads[tid].associatedPort == id {
            switch threads[tid].state {
            case .ready, .running: released.append(tid.rawValue)
            case .waiting: if threads[tid].wait?.port != id { paused.append(tid.rawValue) }
            case .terminated: break
            }
        }
        return PortView(object: objectRef(id), devices: p.devices,
                        queue: p.packets.map { PacketView(bytes: $0.bytes, key: $0.key, overlapped: $0.overlapped, status: $0.status, posted: $0.posted) },
                        waiting: waiting, released: released, paused: paused, running: p.running, limit: p.limit, closed: p.closed)
    }
}
