import SimKernel
import SimKernelTestSupport
import Testing

/// The scheduler's priorities: wait boosts, preemption by a readied thread
/// of higher current priority, boost decay at quantum end.
@Suite struct PriorityAndPreemptionTests {
    @Test func wokenThreadPreemptsComputeBoundThreadOnBusyMachine() {
        // One CPU: main reads synchronously; T2 computes; the disk read's
        // completion (IO_DISK_INCREMENT) wakes main at priority 9, which
        // takes the CPU from T2 at once instead of waiting for its quantum.
        var c = config(cpus: 1)
        c.timeSliceUs = 10_000
        let (k, ids, status) = run([
            ScriptedBody([open(), read("r"), .compute(100)]),
            ScriptedBody([.compute(30_000)]),
        ], config: c)
        #expect(status == .finished(exitCode: 0))
        let main = ids[0], busy = ids[1]
        let readDone = k.script(main).log.first { $0.name == "r" }!.time
        #expect(readDone < 1100)                     // disk latency 1000 µs, not a 10 ms quantum
        let preempts = k.trace.filter { $0.action == .preempt && $0.name == "priority" }
        #expect(preempts.count == 1 && preempts.first?.thread == busy)
        #expect(k.view().counters.preemptions == 1)
        // The preempted thread went to the head of the queue: it ran again
        // as soon as main left the CPU and lost none of its work.
        #expect(k.view().thread(busy)?.cpuTime == 30_000)
    }

    @Test func equalPrioritiesDoNotPreempt() {
        // A packet hand-off and a Sleep timeout carry no increment: a thread
        // woken by them waits for the running thread's quantum to end.
        var c = config(cpus: 1)
        c.timeSliceUs = 10_000
        let (k, ids, status) = run([
            ScriptedBody([.call(.sleep(milliseconds: 2), as: "s"), .compute(10)]),
            ScriptedBody([.compute(30_000)]),
        ], config: c)
        #expect(status == .finished(exitCode: 0))
        let woke = k.script(ids[0]).log.first { $0.name == "s" }!.time
        #expect(woke >= 10_000)                      // ran only at the quantum end
        #expect(k.view().counters.preemptions == 0)
        #expect(k.view().thread(ids[0])?.priority == 8)
    }

    @Test func boostDecaysByOneAtQuantumEnd() {
        var c = config(cpus: 1)
        c.timeSliceUs = 10_000
        var (k, ids) = TestMachine.kernel(c, bodies: [ScriptedBody([open(), read("r"), .compute(35_000)])])
        let t = ids[0]
        _ = k.run(until: 1_500)                      // the read completed: boosted
        #expect(k.view().thread(t)?.priority == 9 && k.view().thread(t)?.basePriority == 8)
        _ = k.run(until: 12_000)                     // one quantum end later
        #expect(k.view().thread(t)?.priority == 8)
        _ = k.run(until: 30_000)                     // never below the base
        #expect(k.view().thread(t)?.priority == 8)
    }

    @Test func rule31_wokenAssociatedThreadPreemptsSoRunningExceedsLimitOnTwoCpus() {
        // Port limit 2 on 2 CPUs, three workers. The newest takes p1 and
        // blocks in a synchronous read; that lets w1 in with p3. The read
        // completes (+1) while w1 and w2 compute at priority 8: the reader
        // preempts one of them, and three associated threads count as
        // running against a limit of 2 — two on CPUs, one preempted (ready).
        var (k, ids) = TestMachine.kernel(config(cpus: 2), bodies: [ScriptedBody([
            newPort(concurrency: 2),
            spawn("w1", slot: 1, then: [.compute(30_000)]),
            spawn("w2", slot: 2, then: [.compute(30_000)]),
            spawn("w3", slot: 3, then: [open(), read("r"), .compute(500)]),
            .call(.sleep(milliseconds: 1)),          // park them: w3 is the newest waiter
            post("p1", key: 1), post("p2", key: 2), post("p3", key: 3),
            .call(.sleep(milliseconds: 100)),
        ])])
        let w1 = ids[0] + 1, w2 = ids[0] + 2, w3 = ids[0] + 3
        while k.view().counters.preemptions == 0, k.step() {}
        let v = k.view()
        let p = v.ports[0]
        #expect(p.limit == 2 && p.running == 3)
        #expect(Set(p.released) == [w1, w2, w3])
        #expect(v.thread(w3).map { if case .running = $0.state { true } else { false } } == true)
        #expect(v.thread(w3)?.priority == 9)
        let preempted = [w1, w2].filter { v.thread($0)?.state == .ready }
        #expect(preempted == [w2])                   // on its CPU longest (tie-break)
        let status = k.run()
        #expect(status == .finished(exitCode: 0))
        #expect(k.script(w3).v("g.key") == 1 && k.script(w2).v("g.key") == 2 && k.script(w1).v("g.key") == 3)
    }

    @Test func preemptedThreadGoesToTheHeadOfItsQueue() {
        // One CPU: T2 computes, T3 is ready behind it; main's read completes
        // and preempts T2, which must run before T3 when main is done.
        var c = config(cpus: 1)
        c.timeSliceUs = 50_000
        let (k, ids, _) = run([
            ScriptedBody([open(), read("r"), .compute(100)]),
            ScriptedBody([.compute(5_000)]),
            ScriptedBody([.compute(5_000)]),
        ], config: c)
        let exits = k.trace.filter { $0.action == .threadExited }.map(\.thread)
        #expect(exits == [ids[0], ids[1], ids[2]])
    }

    @Test func setEventPreemptsTheSetterWhenTheCallReturns() {
        // One CPU: T2 waits on an auto-reset event; main sets it. The waiter
        // wakes at priority 9 while main runs at 8, so main loses the CPU as
        // SetEvent returns and gets it back only when T2 is done.
        var c = config(cpus: 1)
        c.timeSliceUs = 50_000
        let (k, ids, status) = run([ScriptedBody([
            event("ev"),
            .call(as: "t") { e in
                let h = e["ev"]
                return .createThread(body: ScriptedBody([.set("ev") { _, _ in h }, wait("w", "ev"), .compute(2_000)]),
                                     name: "waiter", threadIdOut: 0)
            },
            .call(.sleep(milliseconds: 1)),          // the waiter blocks meanwhile
            .compute(100),
            .call(as: "set") { e in .setEvent(e["ev"]) },
            .compute(100),
        ])], config: c)
        #expect(status == .finished(exitCode: 0))
        let main = ids[0], waiter = main + 1
        let preempt = k.trace.first { $0.action == .preempt && $0.name == "priority" }
        #expect(preempt?.thread == main && preempt?.detail(threadName: { "T\($0)" }) == "by T\(waiter) (9 > 8)"
               && preempt?.mentionedThread == waiter)
        let woke = k.script(waiter).log.first { $0.name == "w" }!.time
        let setReturned = k.script(main).log.first { $0.name == "set" }!.time
        #expect(woke < setReturned && setReturned >= woke + 2_000)  // main resumed after the waiter's work
        #expect(k.view().counters.preemptions == 1)
    }
}
