/// Priorities, wait boosts and preemption (NT's dispatcher, reduced to what
/// user threads of one priority class see).
///
/// - Every thread has base priority 8 (normal). Its current priority is the
///   base plus a boost; the ready queues are ordered by current priority,
///   FIFO within a priority.
/// - A satisfied wait raises the current priority to base + increment when
///   that is higher (`Kernel.waitIncrement`: 1 for a signaled object or
///   completed I/O, 0 for a port packet, a timeout or Sleep), capped at 15;
///   the boost decays by one at each quantum end, never below the base.
/// - A thread made ready takes an idle CPU if there is one; otherwise it
///   preempts the running thread of lowest current priority if that one is
///   strictly lower. Ties between candidate victims go to the thread that has
///   held its CPU longest, then to the lowest CPU number. The preempted
///   thread goes to the head of its priority's ready queue.
/// - At quantum end the running thread yields only to a ready thread of at
///   least its (decayed) priority, and then joins the tail of its queue.
extension Kernel {
    /// THREAD_PRIORITY_NORMAL in NORMAL_PRIORITY_CLASS.
    static let normalPriority = 8
    /// Boosts never lift a thread into the real-time range (16…31).
    static let highestVariablePriority = 15

    /// The priority increment a thread gets when its wait is satisfied, by
    /// what satisfied it — the increment NT passes to KiUnwaitThread:
    /// EVENT_INCREMENT, SEMAPHORE_INCREMENT and MUTANT_INCREMENT are 1, and
    /// IoCompleteRequest uses the driver's increment (IO_DISK_INCREMENT, 1)
    /// for the event, the file object, a synchronous request's waiter and
    /// the completion routine's APC. A completion port hands a packet to a
    /// waiter with no increment (KiInsertQueue, KiActivateWaiterQueue), a
    /// timeout or Sleep ends with TIMER_EXPIRE_INCREMENT (0), and an APC from
    /// `QueueUserAPC` is queued with IO_NO_INCREMENT.
    static func waitIncrement(_ outcome: WaitOutcome) -> Int {
        switch outcome {
        case .object, .ioDone: return 1
        case .timeout, .packet, .packets, .portClosed, .userAPC: return 0
        }
    }

    /// Applies an unwait boost: base + increment if that is higher than the
    /// current priority (boosts do not stack).
    mutating func applyBoost(_ tid: ThreadID, increment: Int) {
        guard increment > 0 else { return }
        let boosted = min(threads[tid].basePriority + increment, Self.highestVariablePriority)
        if boosted > threads[tid].priority { threads[tid].priority = boosted }
    }

    /// Quantum end: one step of boost decay.
    mutating func decayBoost(_ tid: ThreadID) {
        if threads[tid].priority > threads[tid].basePriority { threads[tid].priority -= 1 }
    }

    /// The CPU whose thread a newly ready thread of `priority` should
    /// preempt, if any: the lowest current priority below it; ties go to the
    /// thread on its CPU longest, then the lowest CPU number. O(CPUs).
    @inline(__always)
    func preemptionVictim(below priority: Int) -> Int? {
        var victim: Int?
        var victimPriority = priority
        var victimSince: UInt64 = 0
        for c in scheduler.cpus.indices where !scheduler.cpus[c].preemptPending {
            guard let running = scheduler.cpus[c].thread else { continue }
            let p = threads[running].priority
            let since = scheduler.cpus[c].dispatchedAt
            if p < victimPriority || (victim != nil && p == victimPriority && since < victimSince) {
                victim = c; victimPriority = p; victimSince = since
            }
        }
        return victim
    }

    /// Stops the compute burst in progress (if any) and charges its CPU time.
    mutating func chargeBurst(_ tid: ThreadID) {
        guard threads[tid].inBurst else { return }
        threads[tid].inBurst = false
        let elapsed = now - threads[tid].burstStart
        threads[tid].cpuTime += elapsed
        threads[tid].remainingCompute -= min(elapsed, threads[tid].remainingCompute)
    }

    /// A higher-priority thread takes `cpu` from the thread running there,
    /// which goes to the head of its priority's ready queue. `next` is the
    /// thread to run instead (nil: the highest ready one).
    mutating func preemptForPriority(cpu: Int, next: ThreadID?) {
        guard let victim = scheduler.cpus[cpu].thread else { return }
        chargeBurst(victim)
        threads[victim].state = .ready
        threads[victim].cpuGeneration &+= 1
        counters.preemptions += 1
        let incoming = next ?? scheduler.ready.popHighest()
        if tracing {
            record(victim, .preempt, "priority",
                   incoming.map { "by \(TraceEvent.mentionMark) (\(threads[$0].priority) > \(threads[victim].priority))" } ?? "",
                   mentioning: incoming)
        }
        scheduler.ready.prepend(victim, priority: threads[victim].priority)
        scheduler.cpus[cpu].thread = nil
        scheduler.cpus[cpu].preemptPending = false
        if let incoming { dispatch(incoming, cpu: cpu) } else { releaseCPU(cpu) }
    }

    /// Ends the current step of the thread on `cpu`: a preemption requested
    /// while it was being stepped happens now, if still warranted.
    mutating func finishStep(_ tid: ThreadID, cpu: Int) {
        guard scheduler.cpus[cpu].preemptPending else { return }
        scheduler.cpus[cpu].preemptPending = false
        guard scheduler.cpus[cpu].thread == tid, threads[tid].state == .running(cpu: cpu),
              let best = scheduler.ready.highestPriority, best > threads[tid].priority else { return }
        preemptForPriority(cpu: cpu, next: nil)
    }
}
