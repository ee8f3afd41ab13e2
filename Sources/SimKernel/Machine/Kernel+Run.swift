import SimMemory

extension Kernel {
    /// Handles the next scheduled event (and every thread step it causes).
    /// Returns false when nothing is left to do or the machine halted.
    ///
    /// With `runningAhead`, a thread that would otherwise wait for its own
    /// CPU timer while that timer is the very next event goes on at once
    /// (see `goesOnAtOnce`): the trace, counters and state are exactly as if
    /// each of those timers had been a step of its own, but a whole run of
    /// them is one call. Stepping event by event (the UI) leaves it off.
    @discardableResult
    public mutating func step(runningAhead: Bool = false) -> Bool {
        guard halted == nil else { return false }
        self.runningAhead = runningAhead
        defer { self.runningAhead = false }
        if let paused = pausedBody {
            // Not an event: it neither counts nor moves time.
            pausedBody = nil
            continueBody(paused.thread, cpu: paused.cpu)
            return halted == nil
        }
        while let event = scheduler.popNextEvent() {
            // Stale timers (a wait that ended early) neither count nor move time.
            guard isLive(event.action) else { continue }
            if event.time > now { scheduler.now = event.time }
            counters.kernelEvents += 1
            handle(event.action)
            return halted == nil
        }
        return false
    }

    /// False for events made moot since they were scheduled.
    @inline(__always)
    func isLive(_ action: ScheduledEvent.Action) -> Bool {
        switch action {
        case let .cpuTimer(cpu, tid, generation), let .switchDone(cpu, tid, generation):
            return threads[tid].cpuGeneration == generation && threads[tid].state == .running(cpu: cpu)
        case let .waitTimeout(tid, generation):
            return threads[tid].state == .waiting && threads[tid].wait?.generation == generation
        case .diskDone:
            return true
        case .fileSystemDone(let request):
            return io.requests.contains(request)
        }
    }

    /// Runs until every thread exits, a deadlock, a fault, or a limit.
    /// `until` is an absolute virtual time; events after it stay queued.
    public mutating func run(until limit: UInt64? = nil, maxEvents: Int? = nil) -> RunStatus {
        var handled = 0
        while true {
            if let h = halted { return h }
            if pausedBody != nil {
                step()
                continue
            }
            guard let next = scheduler.nextEvent else { return idleStatus() }
            if !isLive(next.action) {
                _ = scheduler.popNextEvent()
                continue
            }
            if let limit, next.time > limit { scheduler.now = max(now, limit); return .timeLimit }
            if let maxEvents, handled >= maxEvents { return .eventLimit }
            // Running ahead would pass the limits unchecked.
            step(runningAhead: limit == nil && maxEvents == nil)
            handled += 1
        }
    }

    /// What the machine's state amounts to when no event is queued.
    func idleStatus() -> RunStatus {
        if let report = deadlockReport() { return .deadlock(report) }
        let exit = processes.first?.exitCode ?? threads.all.last(where: { $0.process == 0 })?.exitCode
        return .finished(exitCode: processes.first?.exitCode ?? exit)
    }

    /// The trace so far, removed from the kernel: `--trace` streams it out
    /// between steps instead of holding a whole run's text. (Never call it
    /// inside a step: a call's line is completed after the call runs.)
    public mutating func takeTrace() -> [TraceEvent] { trace.takeAll() }

    /// True while a body has paused between statements (`ThreadStep.paused`):
    /// the next `step()` goes on with it, at the same time.
    public var isPaused: Bool { pausedBody != nil }

    /// Kernel events handled so far (scheduled events and system services),
    /// without building the view: runtimes check their event budget with it.
    public var eventCount: Int { counters.kernelEvents }

    /// When the next scheduled event happens (nil when nothing is scheduled).
    /// May name a timer that turns out moot; `step()` then skips it.
    public var nextEventTime: UInt64? { pausedBody != nil ? now : scheduler.nextEvent?.time }

    /// When the event `step()` would handle next happens: moot timers at the
    /// head of the queue are dropped first (`step()` would skip them without
    /// counting them or moving time, so dropping them early changes nothing).
    /// Nil when nothing live is scheduled or the machine halted. Lockstep
    /// stepping of several machines on one clock asks this of each.
    public mutating func nextLiveEventTime() -> UInt64? {
        guard halted == nil else { return nil }
        if pausedBody != nil { return now }
        while let next = scheduler.nextEvent {
            if isLive(next.action) { return next.time }
            _ = scheduler.popNextEvent()
        }
        return nil
    }

    /// True when every thread has terminated.
    public var allThreadsExited: Bool { threads.all.allSatisfy { $0.state == .terminated } }

    /// The deadlock report if every live thread is blocked and nothing is
    /// scheduled that could wake one; nil otherwise.
    public func deadlockReport() -> DeadlockReport? {
        guard halted == nil, scheduler.isIdle else { return nil }
        let blocked = threads.all.filter { $0.state == .waiting }
        guard !blocked.isEmpty else { return nil }
        let v = view()
        return DeadlockReport(time: now, threads: blocked.map { t in
            DeadlockReport.Entry(thread: t.id.rawValue, name: v.thread(t.id.rawValue)?.name ?? t.name,
                                 waiting: v.thread(t.id.rawValue).flatMap { tv in
                if case .waiting(let w) = tv.state { return w } else { return nil }
            } ?? WaitView(reason: .sleep, alertable: false, deadline: nil, call: "?"))
        })
    }

    // MARK: Events

    mutating func handle(_ action: ScheduledEvent.Action) {
        switch action {
        case let .cpuTimer(cpu, tid, generation):
            guard threads[tid].cpuGeneration == generation, threads[tid].state == .running(cpu: cpu) else { return }
            computeTimerFired(tid, cpu: cpu)
        case let .switchDone(cpu, tid, generation):
            guard threads[tid].cpuGeneration == generation, threads[tid].state == .running(cpu: cpu) else { return }
            threads[tid].sliceEnd = now + configuration.timeSliceUs
            if threads[tid].remainingCompute > 0 {
                startBurst(tid, cpu: cpu)
            } else {
                runBody(tid, cpu: cpu)
            }
            if pausedBody == nil { finishStep(tid, cpu: cpu) }
        case let .waitTimeout(tid, generation):
            guard threads[tid].state == .waiting, threads[tid].wait?.generation == generation else { return }
            wake(tid, .timeout)
        case let .diskDone(request):
            diskFinished(request)
        case let .fileSystemDone(request):
            if io.requests.contains(request) { finishTransfer(request) }
        }
    }

    // MARK: CPUs

    /// Puts `tid` on `cpu`; it starts after the context switch.
    mutating func dispatch(_ tid: ThreadID, cpu: Int) {
        let switched = scheduler.occupy(cpu, with: tid)
        threads[tid].state = .running(cpu: cpu)
        threads[tid].cpuGeneration &+= 1
        var start = now
        if switched {
            counters.contextSwitches += 1
            start += configuration.contextSwitchUs
        }
        scheduler.schedule(.switchDone(cpu: cpu, thread: tid, generation: threads[tid].cpuGeneration), at: start)
        noteRunnable()
    }

    /// The thread on `cpu` left it (blocked, exited, preempted): account and
    /// run the next ready thread.
    mutating func releaseCPU(_ cpu: Int) {
        scheduler.cpus[cpu].thread = nil
        scheduler.cpus[cpu].preemptPending = false
        while let next = scheduler.ready.popHighest() {
            if threads[next].state == .ready { dispatch(next, cpu: cpu); return }
        }
        if let busy = scheduler.endBusyInterval(cpu) { counters.cpuBusy[cpu] += busy }
    }

    /// Makes a thread runnable, first raising its priority by `increment`
    /// (a satisfied wait's boost): an idle CPU takes it (the one it last ran
    /// on first); otherwise it preempts a running thread of lower current
    /// priority (see `preemptionVictim`), or joins the tail of its
    /// priority's ready queue.
    mutating func makeReady(_ tid: ThreadID, increment: Int = 0) {
        threads[tid].state = .ready
        applyBoost(tid, increment: increment)
        if let c = scheduler.idleCPU(for: tid) { dispatch(tid, cpu: c); return }
        if let c = preemptionVictim(below: threads[tid].priority) {
            if scheduler.cpus[c].thread == steppingThread {
                // The victim is the thread whose service call readied this
                // one: it loses the CPU when the call returns.
                scheduler.cpus[c].preemptPending = true
            } else {
                preemptForPriority(cpu: c, next: tid)
                return
            }
        }
        scheduler.ready.append(tid, priority: threads[tid].priority)
        noteRunnable()
    }

    mutating func noteRunnable() {
        counters.peakRunnable = max(counters.peakRunnable, scheduler.runnableCount)
    }

    /// Starts (or continues) burning `remainingCompute` on the CPU, up to the slice end.
    mutating func startBurst(_ tid: ThreadID, cpu: Int) {
        // A thread preempted during its own step keeps its work for later.
        guard threads[tid].state == .running(cpu: cpu) else { return }
        threads[tid].burstStart = now
        threads[tid].inBurst = true
        let remaining = threads[tid].remainingCompute
        let sliceLeft = threads[tid].sliceEnd > now ? threads[tid].sliceEnd - now : 0
        scheduler.schedule(.cpuTimer(cpu: cpu, thread: tid, generation: threads[tid].cpuGeneration), at: now + min(remaining, sliceLeft))
    }

    mutating func computeTimerFired(_ tid: ThreadID, cpu: Int) {
        chargeBurst(tid)
        if threads[tid].remainingCompute == 0 {
            runBody(tid, cpu: cpu)
            if pausedBody == nil { finishStep(tid, cpu: cpu) }
            return
        }
        // The quantum ran out with work left: the boost decays one step and
        // the thread yields to a ready thread of at least its new priority.
        decayBoost(tid)
        if scheduler.hasReadyThread(atLeast: threads[tid].priority) {
            if tracing {
                record(tid, .preempt, "slice", result: "")
            }
            preempt(tid, cpu: cpu)
        } else {
            threads[tid].sliceEnd = now + configuration.timeSliceUs
            startBurst(tid, cpu: cpu)
        }
    }

    /// Quantum end or a yield: the thread goes to the tail of its
    /// priority's ready queue and the CPU takes the highest ready thread.
    mutating func preempt(_ tid: ThreadID, cpu: Int) {
        chargeBurst(tid)
        threads[tid].state = .ready
        threads[tid].cpuGeneration &+= 1
        scheduler.ready.append(tid, priority: threads[tid].priority)
        releaseCPU(cpu)
    }

    /// Charges CPU time and keeps the thread on its CPU until it is burnt.
    mutating func compute(_ tid: ThreadID, cpu: Int, microseconds: UInt64) {
        threads[tid].remainingCompute = microseconds
        startBurst(tid, cpu: cpu)
    }

    // MARK: Stepping bodies

    /// Goes on with a body that paused (`ThreadStep.paused`), then finishes
    /// the step as the event that ran it would have.
    mutating func continueBody(_ tid: ThreadID, cpu: Int) {
        guard threads[tid].state == .running(cpu: cpu) else { return }
        runBody(tid, cpu: cpu)
        if pausedBody == nil { finishStep(tid, cpu: cpu) }
    }

    /// Steps the body of the thread running on `cpu` until it computes,
    /// blocks, exits, faults or pauses.
    mutating func runBody(_ tid: ThreadID, cpu: Int) {
        let outer = steppingThread
        steppingThread = tid
        defer { steppingThread = outer }
        if threads[tid].observedCompletions > 0 { countObservedCompletions(tid) }
        var freeSteps = 0
        while halted == nil, threads[tid].state == .running(cpu: cpu) {
            let input = threads[tid].pendingInput
            threads[tid].pendingInput = .proceed
            let step = stepBody(tid, input)
            switch step {
            case .computed(let us):
                if us == 0 {
                    freeSteps += 1
                    // A body that only ever reports zero work would stall time.
                    if freeSteps < 10_000 { continue }
                }
                if goesOnAtOnce(tid, cpu: cpu, after: max(us, 1)) { freeSteps = 0; continue }
                compute(tid, cpu: cpu, microseconds: max(us, 1))
                return
            case .call(let service):
                let outcome = perform(service, thread: tid)
                switch outcome {
                case .returned(let result):
                    threads[tid].pendingInput = .resume(result)
                    // A wait that returned at once: what it observed is handled now.
                    if threads[tid].observedCompletions > 0 { countObservedCompletions(tid) }
                    let cost = service.isFree ? 0 : configuration.serviceCostUs
                    if cost == 0 { freeSteps += 1; if freeSteps < 10_000 { continue } }
                    if goesOnAtOnce(tid, cpu: cpu, after: max(cost, 1)) { freeSteps = 0; continue }
                    compute(tid, cpu: cpu, microseconds: max(cost, 1))
                    return
                case .continueNow:
                    continue
                case .computeThen(let us, let result):
                    threads[tid].pendingInput = .resume(result)
                    if goesOnAtOnce(tid, cpu: cpu, after: max(us, 1)) { freeSteps = 0; continue }
                    compute(tid, cpu: cpu, microseconds: max(us, 1))
                    return
                case .yield(let result):
                    threads[tid].pendingInput = .resume(result)
                    if scheduler.hasReadyThread(atLeast: threads[tid].priority) {
                        preempt(tid, cpu: cpu)
                    } else {
                        compute(tid, cpu: cpu, microseconds: max(configuration.serviceCostUs, 1))
                    }
                    return
                case .blocked, .gone:
                    return
                }
            case .apcReturned:
                guard !threads[tid].apcFrames.isEmpty else {
                    halted = .faulted(thread: tid.rawValue, message: "returned from an APC that was not running")
                    return
                }
                apcReturned(tid)
                continue
            case .exited(let code):
                terminate(tid, code: code)
                return
            case .paused:
                pausedBody = PausedBody(thread: tid, cpu: cpu)
                return
            case .faulted(let message):
                if tracing {
                    record(tid, .fault, threads[tid].name, result: message)
                }
                halted = .faulted(thread: tid.rawValue, message: message)
                return
            }
        }
    }

    /// Whether the thread on `cpu`, about to compute for `us`, can go on
    /// right away instead of through a CPU timer event: only while running
    /// ahead, when that timer would end the burst (not the time slice) and
    /// would be the next event handled, so nothing else can happen in
    /// between. Does what handling the timer would: moves time, counts the
    /// event and charges the CPU time.
    mutating func goesOnAtOnce(_ tid: ThreadID, cpu: Int, after us: UInt64) -> Bool {
        guard runningAhead, halted == nil, !scheduler.cpus[cpu].preemptPending,
              threads[tid].state == .running(cpu: cpu) else { return false }
        let fire = now + us
        // At an equal time an event already queued goes first.
        guard fire <= threads[tid].sliceEnd, scheduler.nextEvent.map({ $0.time > fire }) ?? true else { return false }
        scheduler.now = fire
        counters.kernelEvents += 1
        threads[tid].cpuTime += us
        threads[tid].remainingCompute = 0
        return true
    }

    /// Steps a body with its process's context (memory, output, runtime
    /// state) handed over in place: nothing is copied, so pages stay
    /// uniquely owned and no reference is retained or released.
    mutating func stepBody(_ tid: ThreadID, _ input: ThreadInput) -> ThreadStep {
        let p = threads[tid].process
        processes[p].context.threadId = tid.rawValue
        processes[p].context.now = now
        // Disjoint stored properties of the kernel: the thread's body and
        // its process's context are accessed side by side.
        let step = threads[tid].body.step(input, context: &processes[p].context)
        if processes[p].context.memory.hasWatchHits { collectWatchHits(tid) }
        return step
    }

    // MARK: Thread life

    mutating func spawnThread(process: Int, body: any ThreadBody, name: String?, creator: ThreadID?) -> ThreadID {
        let tid = threads.nextID
        let objectId = objects.create(.thread)
        let defaultName = processes[process].threads.isEmpty ? "main" : "T\(tid)"
        threads.append(ThreadRecord(id: tid, process: process, objectId: objectId, name: name ?? defaultName,
                                    startName: name ?? defaultName, body: body))
        objects.threadOfObject.insert(tid, at: objectId)
        processes[process].threads.append(tid)
        processes[process].liveThreads += 1
        if tracing {
            record(creator, .threadCreated, threads[tid].name, objects: [objectId], "tid=\(tid)")
        }
        makeReady(tid)
        return tid
    }

    /// Ends a thread: cancels its I/O (unless the whole process is going
    /// away, when nothing could observe it), abandons its mutexes, leaves
    /// its port (rule 32), signals its thread object, drops its APCs.
    mutating func terminate(_ tid: ThreadID, code: UInt32, processExiting: Bool = false) {
        guard threads[tid].state != .terminated else { return }
        if tracing {
            record(tid, .threadExited, threads[tid].name, objects: [threads[tid].objectId], "code=\(code)")
            noteSignal(threads[tid].objectId, by: tid)
        }
        checkThreadEnd(tid)
        if !processExiting { cancelThreadIO(tid) }
        let previous = threads[tid].state
        if previous == .ready { scheduler.ready.remove(tid, priority: threads[tid].priority) }
        if threads[tid].wait != nil { _ = endWait(tid) }
        threads[tid].state = .terminated
        threads[tid].exitCode = code
        threads[tid].cpuGeneration &+= 1
        queuedUserAPCs -= threads[tid].apcQueue.reduce(0) { $0 + ($1.kind == .userAPC ? 1 : 0) }
        threads[tid].apcQueue.removeAll()
        threads[tid].apcFrames.removeAll()
        if let port = threads[tid].associatedPort { leavePort(tid, port: port) }
        for id in objects.mutexes.ids where objects.mutexes.read(id, { $0.owner == tid }) == true {
            objects.abandonMutex(id)
            signalChanged(id)
        }
        signalChanged(threads[tid].objectId)
        if case .running(let cpu) = previous { releaseCPU(cpu) }
        let p = threads[tid].process
        processes[p].liveThreads -= 1
        if processes[p].liveThreads == 0 {
            if processes[p].exitCode == nil { processes[p].exitCode = code }
            objects[processes[p].objectId].alive = false
            closeAllHandles(ofProcess: p)
        }
    }

    /// A process that ends has its handle table torn down, as NT does when
    /// the last thread exits: every object whose last handle this was closes
    /// (a port under its waiters, a file with its requests still completing).
    mutating func closeAllHandles(ofProcess p: Int) {
        for index in processes[p].handles.indices {
            guard let entry = processes[p].handles[index] else { continue }
            processes[p].handles[index] = nil
            releaseHandle(object: entry.object)
        }
    }

    /// ExitProcess: every thread of the process ends with `code`.
    mutating func exitProcess(_ process: Int, code: UInt32) {
        processes[process].exitCode = code
        for tid in processes[process].threads where threads[tid].state != .terminated {
            terminate(tid, code: code, processExiting: true)
        }
    }
}
