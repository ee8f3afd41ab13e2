import Testing
import SimKernel
import SimKernelTestSupport

func gqcs(_ name: String, port: String = "port", timeout: UInt32 = INF, slot: Int = 0) -> [Step] {
    let bytesOut = TestMachine.out(10 + slot * 3), keyOut = TestMachine.out(11 + slot * 3), ovOut = TestMachine.out(12 + slot * 3)
    return [
        .write { m, _ in try? m.storeUInt64(0xFFFF, at: ovOut) },
        .call(as: name) { e in .getQueuedCompletionStatus(port: e[port], bytesOut: bytesOut, keyOut: keyOut, overlappedOut: ovOut, timeout: timeout) },
        .load(name + ".bytes", from: bytesOut),
        .load(name + ".key", from: keyOut, size: 8),
        .load(name + ".ov", from: ovOut, size: 8),
    ]
}

func post(_ name: String, key: UInt64, port: String = "port", bytes: UInt32 = 0, ov: UInt64 = 0) -> Step {
    .call(as: name) { e in .postQueuedCompletionStatus(port: e[port], bytes: bytes, key: key, overlapped: ov) }
}

func newPort(_ name: String = "port", concurrency: UInt32 = 0) -> Step {
    .call(.createIoCompletionPort(file: Win32.INVALID_HANDLE_VALUE, existingPort: 0, key: 0, concurrency: concurrency), as: name)
}

/// A worker thread created by the main script: `slot` keeps its out-params apart.
func spawn(_ name: String, slot: Int, port: String = "port", timeout: UInt32 = INF, then steps: [Step] = []) -> Step {
    .call(as: name) { e in
        let portHandle = e[port]
        let body = ScriptedBody(gqcs("g", port: "p", timeout: timeout, slot: slot).map { $0 }.withPort(portHandle) + steps)
        return .createThread(body: body, name: name, threadIdOut: 0)
    }
}

extension Array where Element == Step {
    /// Prepends a step that stores the port handle under "p".
    func withPort(_ handle: UInt64) -> [Step] { [.set("p") { _, _ in handle }] + self }
}

/// docs/SEMANTICS.md rules 25–37 (completion ports, NT's KQUEUE).
@Suite struct CompletionPortTests {
    @Test func rule25_concurrencyZeroMeansCpuCountAndIsIgnoredWhenAssociating() {
        let (k, _, _) = run([ScriptedBody([
            newPort(),
            open(flags: OVL),
            .call(as: "assoc") { e in .createIoCompletionPort(file: e["h"], existingPort: e["port"], key: 3, concurrency: 7) },
            holdOpen,
        ])], config: config(cpus: 3))
        let p = k.view().ports[0]
        #expect(p.limit == 3)
        #expect(p.devices.map(\.key) == [3])
        #expect(p.running == 0 && p.queue.isEmpty && p.waiting.isEmpty)
    }

    @Test func rule26_onlyOverlappedHandlesOnePortPerFileObjectSharedByDuplicates() {
        let me = Win32.currentProcessPseudoHandle
        let (k, ids, _) = run([ScriptedBody([
            newPort(),
            open("sync"),
            .call(as: "syncAssoc") { e in .createIoCompletionPort(file: e["sync"], existingPort: e["port"], key: 1, concurrency: 0) },
            open(flags: OVL),
            .call(as: "a1") { e in .createIoCompletionPort(file: e["h"], existingPort: e["port"], key: 7, concurrency: 0) },
            .call(as: "a2") { e in .createIoCompletionPort(file: e["h"], existingPort: e["port"], key: 8, concurrency: 0) },
            .call(as: "dup") { e in .duplicateHandle(sourceProcess: me, source: e["h"], targetProcess: me, targetOut: TestMachine.out(5),
                                                     access: 0, inherit: false, options: 2) },
            .load("h2", from: TestMachine.out(5), size: 8),
            .overlapped(0, offset: 0),
            read("r", h: "h2", ov: ov0),
        ] + gqcs("g"))])
        let s = k.script(ids[0])
        #expect(s.v("syncAssoc") == 0 && s.err("syncAssoc") == Win32.ERROR_INVALID_PARAMETER)
        #expect(s.v("a1") == s.v("port"))
        #expect(s.v("a2") == 0 && s.err("a2") == Win32.ERROR_INVALID_PARAMETER)
        #expect(s.v("g") == 1 && s.v("g.key") == 7 && s.v("g.ov") == ov0 && s.v("g.bytes") == 4096)
    }

    @Test func rule27_packetNeedsPortAndOverlappedAndNoRoutineLowBitSuppresses() {
        let (k, ids, _) = run([ScriptedBody([
            open(flags: OVL),
            .call(as: "port") { e in .createIoCompletionPort(file: e["h"], existingPort: 0, key: 9, concurrency: 0) },
            event("ev", manual: true),
            .overlapped(0, offset: 0, event: "ev", lowBit: true),
            read("suppressed", ov: ov0),
            wait("evSet", "ev", timeout: 100),
        ] + gqcs("none", timeout: 100) + [
            .overlapped(1, offset: 65536),
            read("normal", buffer: buf + 65536, ov: ov1),
        ] + gqcs("some", timeout: 100))])
        let s = k.script(ids[0])
        #expect(s.v("evSet") == 0)
        #expect(s.v("none") == 0 && s.err("none") == Win32.WAIT_TIMEOUT)
        #expect(s.v("some") == 1 && s.v("some.ov") == ov1 && s.v("some.key") == 9)
    }

    @Test func rule28_skipCompletionPortOnSuccessSkipsOnlyImmediateSuccesses() {
        let (k, ids, _) = run([ScriptedBody([
            open("h", path: "new.bin", access: RW, disposition: Win32.CREATE_ALWAYS, flags: OVL),
            .call(as: "port") { e in .createIoCompletionPort(file: e["h"], existingPort: 0, key: 1, concurrency: 0) },
            .call(as: "mode") { e in .setFileCompletionNotificationModes(handle: e["h"], flags: Win32.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS) },
            .overlapped(0, offset: 0),
            write("atOnce", ov: ov0),
        ] + gqcs("noPacket", timeout: 0) + [
            .overlapped(1, offset: 0),
            write("pending", length: 512, ov: ov1),
        ] + gqcs("packet", timeout: 100))])
        let s = k.script(ids[0])
        #expect(s.v("atOnce") == 1)
        #expect(s.v("noPacket") == 0 && s.err("noPacket") == Win32.WAIT_TIMEOUT)
        #expect(s.err("pending") == Win32.ERROR_IO_PENDING)
        #expect(s.v("packet") == 1 && s.v("packet.ov") == ov1)
    }

    @Test func rule29_packetGoesStraightToNewestWaiterAndCountsAtOnce() {
        var (k, ids) = TestMachine.kernel(config(), bodies: [ScriptedBody([
            newPort(concurrency: 1),
            spawn("w1", slot: 1, then: [.compute(5000)]), .call(.sleep(milliseconds: 1)),
            spawn("w2", slot: 2, then: [.compute(5000)]), .call(.sleep(milliseconds: 1)),
            spawn("w3", slot: 3, then: [.compute(5000)]), .call(.sleep(milliseconds: 1)),
            post("p1", key: 1), post("p2", key: 2),
            .call(.sleep(milliseconds: 100)),
        ])])
        _ = k.run(until: 3200)
        let w1 = ids[0] + 1, w2 = ids[0] + 2, w3 = ids[0] + 3
        let p = k.view().ports[0]
        #expect(p.waiting == [w2, w1])        // newest first; w3 took p1
        #expect(p.queue.map(\.key) == [2])   // running == limit: p2 waits in the queue
        #expect(p.running == 1)
        #expect(p.released == [w3])
        let status = k.run()
        #expect(k.script(w3).v("g.key") == 1)
        #expect(k.script(w2).v("g.key") == 2)  // released when w3 exited (rule 32)
        guard case .deadlock(let report) = status else { Issue.record("w1 should wait forever"); return }
        #expect(report.threads.map(\.thread) == [w1])
    }

    @Test func rule30_associatedCallerTakesQueuedPacketAheadOfOlderWaiters() {
        var (k, ids) = TestMachine.kernel(config(), bodies: [ScriptedBody([
            newPort(concurrency: 1),
            post("p1", key: 1),
        ] + gqcs("first") + [
            spawn("w1", slot: 1, timeout: 50),
            .compute(1000),
            post("p2", key: 2),
            .compute(1000),   // p2 sits in the queue while w1 waits (running == limit)
        ] + gqcs("second"))])
        _ = k.run(until: 1800)
        let w1 = ids[0] + 1
        let p = k.view().ports[0]
        #expect(p.queue.map(\.key) == [2] && p.waiting == [w1] && p.running == 1)
        _ = k.run()
        let s = k.script(ids[0])
        #expect(s.v("first.key") == 1)
        #expect(s.v("second") == 1 && s.v("second.key") == 2)
        #expect(k.script(w1).v("g") == 0 && k.script(w1).err("g") == Win32.WAIT_TIMEOUT)
    }

    @Test func rule31_otherBlockingWaitReleasesNewestWaiterAndWakingCanExceedLimit() {
        var (k, ids) = TestMachine.kernel(config(cpus: 4), bodies: [ScriptedBody([
            newPort(concurrency: 1),
            post("p1", key: 1),
        ] + gqcs("first") + [
            spawn("w1", slot: 1, then: [.compute(50_000)]),
            spawn("w2", slot: 2, then: [.compute(50_000)]),
            .compute(1000),
            post("p2", key: 2),
            .call(.sleep(milliseconds: 10), as: "sleep"),
            post("p3", key: 3),
            .compute(20_000),
        ])])
        let main = ids[0], w1 = main + 1, w2 = main + 2
        _ = k.run(until: 5000)
        var p = k.view().ports[0]
        #expect(p.paused == [main])            // main sleeps: counted out
        #expect(p.released == [w2])            // newest waiter got p2
        #expect(p.waiting == [w1])
        #expect(p.running == 1)
        _ = k.run(until: 15_000)
        p = k.view().ports[0]
        #expect(p.running == 2 && p.limit == 1)  // main woke: running exceeds the limit
        #expect(p.queue.map(\.key) == [3])       // and no waiter is released meanwhile
        #expect(p.waiting == [w1])
        _ = k.run()
        #expect(k.script(w2).v("g.key") == 2)
        #expect(k.script(w1).v("g.key") == 3)    // once running dropped below the limit
    }

    @Test func rule32_movingToAnotherPortReleasesAWaiter() {
        let (k, ids, _) = run([ScriptedBody([
            newPort("a", concurrency: 1), newPort("b", concurrency: 1),
            post("p1", key: 1, port: "a"),
        ] + gqcs("first", port: "a") + [
            spawn("w1", slot: 1, port: "a"),
            .compute(1000),
            post("p2", key: 2, port: "a"),
            .compute(1000),
        ] + gqcs("moved", port: "b", timeout: 0) + [
            .compute(1000),
            .check { _, _ in },
        ])])
        let w1 = ids[0] + 1
        #expect(k.script(w1).v("g") == 1 && k.script(w1).v("g.key") == 2)
        #expect(k.script(ids[0]).v("moved") == 0)
        let first = k.script(w1).log.first { $0.name == "g" }!.time
        let moved = k.script(ids[0]).log.first { $0.name == "moved" }!.time
        #expect(first + 1 >= moved && first < moved + 100)
    }

    @Test func rule33_resultsForSuccessFailureAndNothing() {
        let (k, ids, _) = run([ScriptedBody([
            open(flags: OVL),
            .call(as: "port") { e in .createIoCompletionPort(file: e["h"], existingPort: 0, key: 4, concurrency: 0) },
            .overlapped(0, offset: 0), read("ok", ov: ov0),
        ] + gqcs("success") + [
            .overlapped(1, offset: fileSize), read("eof", ov: ov1),
        ] + gqcs("failure") + gqcs("nothing", timeout: 10))])
        let s = k.script(ids[0])
        #expect(s.v("success") == 1 && s.v("success.bytes") == 4096 && s.v("success.ov") == ov0)
        #expect(s.v("failure") == 0 && s.v("failure.ov") == ov1 && s.err("failure") == Win32.ERROR_HANDLE_EOF)
        #expect(s.v("nothing") == 0 && s.v("nothing.ov") == 0 && s.err("nothing") == Win32.WAIT_TIMEOUT)
    }

    @Test func rule34_closingThePortReleasesWaitersWithAbandonedWait() {
        let (k, ids, _) = run([ScriptedBody([
            newPort(),
            spawn("w1", slot: 1),
            .call(.sleep(milliseconds: 1)),
            .call(as: "close") { e in .closeHandle(e["port"]) },
            .call(.sleep(milliseconds: 1)),
        ] + gqcs("after"))])
        let w = k.script(ids[0] + 1)
        #expect(w.v("g") == 0 && w.v("g.ov") == 0 && w.err("g") == Win32.ERROR_ABANDONED_WAIT_0)
        let s = k.script(ids[0])
        #expect(s.v("after") == 0 && s.err("after") == Win32.ERROR_INVALID_HANDLE)
    }

    @Test func rule35_gqcsExTakesSeveralFifoAndQueuedPacketsBeatAPCs() {
        let entries = TestMachine.buffers
        let routine: UInt64 = 0x4000_0100
        func ex(_ name: String, count: UInt32, alertable: Bool) -> Step {
            .call(as: name) { e in .getQueuedCompletionStatusEx(port: e["port"], entries: entries, count: count,
                                                                 removedOut: TestMachine.out(1), timeout: INF, alertable: alertable) }
        }
        let (k, ids, _) = run([ScriptedBody([
            newPort(),
            post("a", key: 1), post("b", key: 2), post("c", key: 3),
            ex("two", count: 2, alertable: false),
            .load("two.n", from: TestMachine.out(1)),
            .load("two.k0", from: entries, size: 8), .load("two.k1", from: entries + 32, size: 8),
            .call(.queueUserAPC(routine: routine, thread: Win32.currentThreadPseudoHandle, data: 0), as: "q"),
            ex("packetWins", count: 4, alertable: true),
            .load("packetWins.n", from: TestMachine.out(1)),
            .load("packetWins.k0", from: entries, size: 8),
            ex("apc", count: 4, alertable: true),
        ], apcRoutines: [routine: []])])
        let s = k.script(ids[0])
        #expect(s.v("two") == 1 && s.v("two.n") == 2 && s.v("two.k0") == 1 && s.v("two.k1") == 2)
        #expect(s.v("packetWins") == 1 && s.v("packetWins.n") == 1 && s.v("packetWins.k0") == 3)
        #expect(s.v("apc") == 0 && s.err("apc") == Win32.WAIT_IO_COMPLETION)
        #expect(s.apcCalls.count == 1 && s.apcCalls[0].time >= s.log.first { $0.name == "apc" }!.time)
    }

    @Test func rule36_postQueuesExactlyWhatWasPostedEvenWithNoWaiter() {
        let (k, ids, _) = run([ScriptedBody([
            newPort(),
            post("p", key: 0xABC, bytes: 123, ov: 0x5555),
            .check { _, _ in },
        ] + gqcs("g", timeout: 0))])
        let s = k.script(ids[0])
        #expect(s.v("p") == 1)
        #expect(s.v("g") == 1 && s.v("g.bytes") == 123 && s.v("g.key") == 0xABC && s.v("g.ov") == 0x5555)
    }

    @Test func rule37_portHandleSignaledWhilePacketsQueuedAndAfterClose() {
        let (k, ids, _) = run([ScriptedBody([
            newPort(),
            wait("empty", "port", timeout: 0),
            post("p", key: 1),
            wait("queued", "port", timeout: 0),
            wait("stillQueued", "port", timeout: 0),
        ] + gqcs("g", timeout: 0) + [
            .call(as: "waiter") { e in .createThread(body: ScriptedBody([
                .call(.waitForSingleObject(handle: e["port"], timeout: INF), as: "w"),
            ]), name: "waiter", threadIdOut: 0) },
            .call(.sleep(milliseconds: 1)),
            .call(as: "close") { e in .closeHandle(e["port"]) },
        ])])
        let s = k.script(ids[0])
        #expect(s.v("empty") == UInt64(Win32.WAIT_TIMEOUT))
        #expect(s.v("queued") == 0 && s.v("stillQueued") == 0)
        #expect(s.v("g") == 1)
        #expect(k.script(ids[0] + 1).v("w") == 0)
    }
}
