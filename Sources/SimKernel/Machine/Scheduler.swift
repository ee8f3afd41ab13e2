import HeapModule

/// The machine's time and CPUs: the virtual clock, the queue of scheduled
/// events, the CPUs and the dispatcher's ready queues.
///
/// It keeps time and order and answers what the dispatcher asks; which
/// thread runs where is decided by `Kernel` (`Kernel+Run`,
/// `Kernel+Priority`), which also holds the threads.
@usableFromInline
struct Scheduler: Sendable {
    /// Virtual time in µs.
    @usableFromInline var now: UInt64 = 0
    /// What happens next, earliest first; at equal times in the order scheduled.
    private(set) var events = Heap<ScheduledEvent>()
    private var sequence: UInt64 = 0
    var cpus: [CPUState]
    /// The ready threads, by current priority.
    var ready = ReadyQueues()

    init(cpuCount: Int) {
        cpus = Array(repeating: CPUState(), count: max(1, cpuCount))
    }

    // MARK: Events

    mutating func schedule(_ action: ScheduledEvent.Action, at time: UInt64) {
        sequence &+= 1
        events.insert(ScheduledEvent(time: time, sequence: sequence, action: action))
    }

    /// The earliest scheduled event (possibly one made moot since).
    var nextEvent: ScheduledEvent? { events.min }

    mutating func popNextEvent() -> ScheduledEvent? { events.popMin() }

    /// Nothing scheduled, nothing ready and every CPU idle: only a wait
    /// that nothing can end could still be in progress.
    var isIdle: Bool { events.isEmpty && ready.isEmpty && cpus.allSatisfy { $0.thread == nil } }

    // MARK: CPUs

    /// An idle CPU for `tid`: the one it last ran on if that is idle,
    /// otherwise the lowest-numbered idle one.
    @inline(__always)
    func idleCPU(for tid: ThreadID) -> Int? {
        var chosen: Int?
        for c in cpus.indices where cpus[c].thread == nil {
            if cpus[c].lastThread == tid { return c }
            if chosen == nil { chosen = c }
        }
        return chosen
    }

    /// Puts `tid` on `cpu` now; returns whether that is a context switch
    /// (another thread ran there last).
    mutating func occupy(_ cpu: Int, with tid: ThreadID) -> Bool {
        cpus[cpu].thread = tid
        cpus[cpu].dispatchedAt = now
        cpus[cpu].preemptPending = false
        if cpus[cpu].busySince == nil { cpus[cpu].busySince = now }
        let switched = cpus[cpu].lastThread != tid
        cpus[cpu].lastThread = tid
        return switched
    }

    /// `cpu` went idle: closes its busy interval (kept merged in `recent`
    /// for the last 200 ms) and returns its length, nil if it was idle already.
    mutating func endBusyInterval(_ cpu: Int) -> UInt64? {
        guard let since = cpus[cpu].busySince else { return nil }
        let busy = now - since
        cpus[cpu].busyTotal += busy
        if busy > 0 {
            if let last = cpus[cpu].recent.last, last.end == since {
                cpus[cpu].recent[cpus[cpu].recent.count - 1].end = now
            } else {
                cpus[cpu].recent.append((since, now))
            }
            let horizon = now > 200_000 ? now - 200_000 : 0
            while let first = cpus[cpu].recent.first, first.end < horizon { cpus[cpu].recent.removeFirst() }
        }
        cpus[cpu].busySince = nil
        return busy
    }

    /// Threads on a CPU or ready to run.
    var runnableCount: Int {
        var running = 0
        for c in cpus where c.thread != nil { running += 1 }
        return running + ready.count
    }

    /// Whether a ready thread of at least `priority` waits (quantum end, yield).
    @inline(__always)
    func hasReadyThread(atLeast priority: Int) -> Bool {
        guard let best = ready.highestPriority else { return false }
        return best >= priority
    }

    /// Each CPU's busy time so far, the interval in progress included.
    var busyTimes: [UInt64] { cpus.map { cpu in cpu.busyTotal + (cpu.busySince.map { now - $0 } ?? 0) } }

    /// Percent of all CPUs busy over the last 100 ms of virtual time.
    func usagePercent() -> Int {
        let window: UInt64 = 100_000
        let from = now > window ? now - window : 0
        let span = now - from
        guard span > 0 else { return 0 }
        var busy: UInt64 = 0
        for c in cpus {
            for r in c.recent where r.end > from { busy += r.end - max(r.start, from) }
            if let since = c.busySince { busy += now - max(since, from) }
        }
        return Int(busy * 100 / (span * UInt64(cpus.count)))
    }
}
