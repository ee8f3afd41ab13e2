import Testing
import SimKernel
import SimKernelTestSupport

/// Completion-to-handling latency for waiting on the handle (method 1) and
/// on the event (method 2): a completion is handled when the thread whose
/// wait (or GetOverlappedResult) observed it returns from that call.
@Suite struct HandlingLatencyTests {
    /// Reads with the disk's 1000 µs latency, then computes `busy` µs before asking.
    func method1(busy: UInt64) -> MachineCounters {
        let (k, _, _) = run([ScriptedBody([
            open(flags: OVL),
            .overlapped(0, offset: 0),
            read("a", ov: ov0),
            .compute(busy),
            wait("w", "h"),
            holdOpen,
        ])])
        return k.view().counters
    }

    @Test func waitingOnTheHandleCountsTheCompletionWhenTheWaitReturns() {
        let blocked = method1(busy: 10)
        #expect(blocked.handledCompletions == 1)
        // The thread was already waiting with a CPU free: it learns at once.
        #expect(blocked.handlingLatencyMax < 100)
        let busy = method1(busy: 3000)
        #expect(busy.handledCompletions == 1)
        // Completed at about 1000 µs, noticed after the 3000 µs of work.
        #expect(busy.handlingLatencyMax >= 1900 && busy.handlingLatencyMax <= 2200)
        #expect(busy.handlingLatencyTotal == busy.handlingLatencyMax)
    }

    @Test func theEventInTheOverlappedAndGetOverlappedResultCountOnceEach() {
        let (k, _, _) = run([ScriptedBody([
            open(flags: OVL),
            event("e1", manual: true), event("e2", manual: true),
            .overlapped(0, offset: 0, event: "e1"), .overlapped(1, offset: 65536, event: "e2"),
            read("a", ov: ov0), read("b", buffer: buf + 65536, ov: ov1),
            wait("w", "e1"),
            // The same completion read again: not handled twice.
            .call(as: "again") { e in .getOverlappedResult(handle: e["h"], overlapped: ov0, bytesOut: 0, wait: true) },
            .compute(2000),
            // b completed long ago; GetOverlappedResult without waiting hands it over.
            .call(as: "b") { e in .getOverlappedResult(handle: e["h"], overlapped: ov1, bytesOut: 0, wait: false) },
            holdOpen,
        ])])
        let c = k.view().counters
        #expect(c.requestsCompleted == 2)
        #expect(c.handledCompletions == 2)
        #expect(c.handlingLatencyMax >= 1900)
    }

    @Test func aPortOrAnAPCIsNotCountedTwice() {
        // A completion routine: the APC counts it, the file's signal does not.
        let (k, _, _) = run([ScriptedBody([
            open(flags: OVL),
            .overlapped(0, offset: 0),
            .call(as: "r") { e in .readFileEx(handle: e["h"], buffer: buf, length: 4096, overlapped: ov0, routine: 0x4000_5000) },
            .call(.sleepEx(milliseconds: INF, alertable: true)),
            wait("w", "h", timeout: 0),
            holdOpen,
        ], apcRoutines: [0x4000_5000: [.compute(10)]])])
        #expect(k.view().counters.handledCompletions == 1)
    }
}
