import Testing
import SimKernel
import SimKernelTestSupport

private let routine: UInt64 = 0x4000_1000
private let routine2: UInt64 = 0x4000_2000

/// docs/SEMANTICS.md rules 19–24 (completion routines and APCs).
@Suite struct AlertableIOTests {

    @Test func rule19_exRoutinesQueuedWhenAcceptedPendingOrAtOnceNeverOnFailure() {
        let (k, ids, _) = run([ScriptedBody([
            open("h", path: "new.bin", access: RW, disposition: Win32.CREATE_ALWAYS, flags: OVL),
            .overlapped(0, offset: 0),
            .call(as: "atOnce") { e in .writeFileEx(handle: e["h"], buffer: buf, length: 4096, overlapped: ov0, routine: routine) },
            open("d", flags: OVL),
            .overlapped(1, offset: 0),
            .call(as: "pending") { e in .readFileEx(handle: e["d"], buffer: buf, length: 4096, overlapped: ov1, routine: routine) },
            .overlapped(2, offset: 0),
            .call(as: "failed") { e in .readFileEx(handle: e["h"], buffer: 0x10, length: 16, overlapped: ov2, routine: routine2) },
            .call(.sleepEx(milliseconds: INF, alertable: true), as: "s1"),
            .call(.sleepEx(milliseconds: INF, alertable: true), as: "s2"),
            .call(.sleepEx(milliseconds: 100, alertable: true), as: "s3"),
        ], apcRoutines: [routine: [.compute(10)]])])
        let s = k.script(ids[0])
        #expect(s.v("atOnce") == 1 && s.v("pending") == 1)
        #expect(s.v("failed") == 0 && s.err("failed") == Win32.ERROR_NOACCESS)
        #expect(s.v("s1") == UInt64(Win32.WAIT_IO_COMPLETION) && s.v("s2") == UInt64(Win32.WAIT_IO_COMPLETION))
        #expect(s.v("s3") == 0)
        #expect(s.apcCalls.map(\.routine) == [routine, routine])
        #expect(s.apcCalls[0].arguments == [0, 4096, ov0])
        #expect(s.apcCalls[1].arguments == [0, 4096, ov1])
    }

    @Test func rule20_routinesRunOnlyOnIssuingThreadAndOnlyInAlertableWaits() {
        let main = ScriptedBody([
            open(flags: OVL),
            .call(as: "other") { _ in .createThread(body: ScriptedBody([
                .call(.sleepEx(milliseconds: 50, alertable: true), as: "s"),
            ], apcRoutines: [routine: []]), name: "other", threadIdOut: 0) },
            .overlapped(0, offset: 0),
            .call(as: "r") { e in .readFileEx(handle: e["h"], buffer: buf, length: 4096, overlapped: ov0, routine: routine) },
            .call(.sleep(milliseconds: 20), as: "plainSleep"),             // completes meanwhile: not delivered
            event("ev", set: true),
            wait("nonAlertable", "ev", timeout: 10),                     // not delivered either
            .call(.sleepEx(milliseconds: INF, alertable: true), as: "alertable"),
        ], apcRoutines: [routine: []])
        let (k, ids, _) = run([main])
        let s = k.script(ids[0])
        #expect(s.v("nonAlertable") == 0)
        #expect(s.v("alertable") == UInt64(Win32.WAIT_IO_COMPLETION))
        #expect(s.apcCalls.count == 1)
        #expect(s.apcCalls[0].time >= 20_000)
        #expect(k.script(ids[0] + 1).apcCalls.isEmpty)
        #expect(k.script(ids[0] + 1).v("s") == 0)
    }

    @Test func rule21_allQueuedAPCsRunFifoThenWaitIoCompletionEvenIfObjectGotSignaled() {
        let target = ScriptedBody([
            event("ev", manual: true),
            .compute(1000),   // the main thread queues two APCs meanwhile
            wait("w", "ev", alertable: true),
            wait("next", "ev", timeout: 0),
        ], apcRoutines: [
            routine: [.call(as: "set") { e in .setEvent(e["ev"]) }],
            routine2: [.compute(5)],
        ])
        let main = ScriptedBody([
            .call(as: "t") { _ in .createThread(body: target, name: "target", threadIdOut: 0) },
            .compute(100),
            .call(as: "q1") { e in .queueUserAPC(routine: routine, thread: e["t"], data: 1) },
            .call(as: "q2") { e in .queueUserAPC(routine: routine2, thread: e["t"], data: 2) },
        ])
        let (k, ids, _) = run([main])
        let t = k.script(ids[0] + 1)
        #expect(t.apcCalls.map(\.routine) == [routine, routine2])
        #expect(t.apcCalls.map(\.arguments) == [[1], [2]])
        #expect(t.v("w") == UInt64(Win32.WAIT_IO_COMPLETION))
        #expect(t.v("next") == 0)
    }

    @Test func rule21_apcQueuedDuringAnAlertableWaitWakesIt() {
        let target = ScriptedBody([
            .call(.sleepEx(milliseconds: INF, alertable: true), as: "s"),
        ], apcRoutines: [routine: []])
        let main = ScriptedBody([
            .call(as: "t") { _ in .createThread(body: target, name: "target", threadIdOut: 0) },
            .call(.sleep(milliseconds: 5)),
            .call(as: "q") { e in .queueUserAPC(routine: routine, thread: e["t"], data: 9) },
        ])
        let (k, ids, status) = run([main])
        #expect(status == .finished(exitCode: 0))
        #expect(k.script(ids[0] + 1).v("s") == UInt64(Win32.WAIT_IO_COMPLETION))
        #expect(k.script(ids[0] + 1).apcCalls.first?.time ?? 0 >= 5000)
    }

    @Test func rule22_signaledObjectWinsOverQueuedAPCsWhichStayQueued() {
        let (k, ids, _) = run([ScriptedBody([
            event("ev", manual: true, set: true),
            .call(as: "q") { _ in .queueUserAPC(routine: routine, thread: Win32.currentThreadPseudoHandle, data: 5) },
            wait("w", "ev", alertable: true),
            .check { env, _ in _ = env },
            .call(.sleepEx(milliseconds: 0, alertable: true), as: "s"),
        ], apcRoutines: [routine: []])], until: nil)
        let s = k.script(ids[0])
        #expect(s.v("w") == 0)
        #expect(s.v("s") == UInt64(Win32.WAIT_IO_COMPLETION))
        #expect(s.apcCalls.count == 1)
        #expect(s.apcCalls[0].time >= s.log.first { $0.name == "w" }!.time)
    }

    @Test func rule22_viewShowsTheQueuedAPCAndTheNestedRoutine() {
        var (k, ids) = TestMachine.kernel(config(), bodies: [ScriptedBody([
            event("ev", manual: true, set: true),
            .call(.queueUserAPC(routine: routine, thread: Win32.currentThreadPseudoHandle, data: 5), as: "q"),
            wait("w", "ev", alertable: true),
            .compute(1000),
            .call(.sleepEx(milliseconds: 0, alertable: true), as: "s"),
        ], apcRoutines: [routine: [.compute(500)]])])
        _ = k.run(until: 500)
        #expect(k.view().thread(ids[0])?.apcQueue.map(\.argument) == [5])
        #expect(k.view().thread(ids[0])?.inAPC == false)
        _ = k.run(until: 1300)
        let t = k.view().thread(ids[0])!
        #expect(t.inAPC)
        #expect(t.apcQueue.isEmpty)
        #expect(t.stack.count == 2)   // the routine's frame above the waiting call
    }

    @Test func rule23_portAssociatedHandleCannotUseReadFileEx() {
        let (k, ids, _) = run([ScriptedBody([
            open(flags: OVL),
            .call(as: "port") { e in .createIoCompletionPort(file: e["h"], existingPort: 0, key: 1, concurrency: 0) },
            .overlapped(0, offset: 0),
            .call(as: "r") { e in .readFileEx(handle: e["h"], buffer: buf, length: 4096, overlapped: ov0, routine: routine) },
        ])])
        let s = k.script(ids[0])
        #expect(s.v("r") == 0 && s.err("r") == Win32.ERROR_INVALID_PARAMETER)
    }

    @Test func rule24_gqcsNeverAlertableApcToExitedThreadFailsSleepExKeepsLastError() {
        let (k, ids, _) = run([ScriptedBody([
            .call(.createIoCompletionPort(file: Win32.INVALID_HANDLE_VALUE, existingPort: 0, key: 0, concurrency: 0), as: "port"),
            .call(.queueUserAPC(routine: routine, thread: Win32.currentThreadPseudoHandle, data: 1), as: "q"),
            .call(as: "g") { e in .getQueuedCompletionStatus(port: e["port"], bytesOut: TestMachine.out(1), keyOut: TestMachine.out(2),
                                                              overlappedOut: TestMachine.out(3), timeout: 20) },
            .check { env, _ in _ = env },
            .call(as: "t") { _ in .createThread(body: ScriptedBody([]), name: "short", threadIdOut: 0) },
            .call(as: "j") { e in .waitForSingleObject(handle: e["t"], timeout: INF) },
            .call(as: "dead") { e in .queueUserAPC(routine: routine, thread: e["t"], data: 2) },
            .call(.setLastError(1234)),
            .call(.sleepEx(milliseconds: 10, alertable: false), as: "sleep"),
            .call(.getLastError, as: "le"),
            .call(.sleepEx(milliseconds: 10, alertable: true), as: "runs"),
        ], apcRoutines: [routine: []])])
        let s = k.script(ids[0])
        #expect(s.v("g") == 0 && s.err("g") == Win32.WAIT_TIMEOUT)
        #expect(s.apcCalls.count == 1 && s.apcCalls[0].time > s.log.first { $0.name == "g" }!.time)
        #expect(s.v("dead") == 0 && s.err("dead") == Win32.ERROR_GEN_FAILURE)
        #expect(s.v("le") == 1234)
        #expect(s.v("runs") == UInt64(Win32.WAIT_IO_COMPLETION))
    }

    @Test func rule20_everyAlertableWaitFormDeliversAndReportsIt() {
        let array = TestMachine.buffers
        let me = Win32.currentThreadPseudoHandle
        func queue(_ n: String) -> Step { .call(.queueUserAPC(routine: routine, thread: me, data: 0), as: n) }
        let (k, ids, _) = run([ScriptedBody([
            event("ev"), event("other"),
            .handleArray(["ev"], at: array),
            open(flags: OVL), .overlapped(0, offset: 0, event: "ev"), read("r", ov: ov0),
            .call(.createIoCompletionPort(file: Win32.INVALID_HANDLE_VALUE, existingPort: 0, key: 0, concurrency: 0), as: "port"),
            queue("q1"), .call(.sleepEx(milliseconds: INF, alertable: true), as: "sleepEx"),
            queue("q2"), wait("wfso", "ev", alertable: true),
            queue("q3"), .call(.waitForMultipleObjectsEx(count: 1, handles: array, waitAll: false, timeout: INF, alertable: true), as: "wfmo"),
            queue("q4"), .call(as: "sow") { e in .signalObjectAndWait(signal: e["other"], wait: e["ev"], timeout: INF, alertable: true) },
            queue("q5"), .call(as: "gor") { e in .getOverlappedResultEx(handle: e["h"], overlapped: ov0, bytesOut: 0, timeout: INF, alertable: true) },
            queue("q6"), .call(as: "gqcs") { e in .getQueuedCompletionStatusEx(port: e["port"], entries: array + 64, count: 1,
                                                                             removedOut: TestMachine.out(1), timeout: INF, alertable: true) },
        ], apcRoutines: [routine: []])])
        let s = k.script(ids[0])
        let io = UInt64(Win32.WAIT_IO_COMPLETION)
        #expect(s.v("sleepEx") == io && s.v("wfso") == io && s.v("wfmo") == io && s.v("sow") == io)
        #expect(s.v("gor") == 0 && s.err("gor") == Win32.WAIT_IO_COMPLETION)
        #expect(s.v("gqcs") == 0 && s.err("gqcs") == Win32.WAIT_IO_COMPLETION)
        #expect(s.apcCalls.count == 6)
    }

    @Test func rule19_exRequestsIgnoreHEventWhichCarriesProgramData() {
        let (k, ids, _) = run([ScriptedBody([
            open(flags: OVL),
            event("ev", manual: true, set: true),
            .overlapped(0, offset: 0, event: "ev"),
            .call(as: "r") { e in .readFileEx(handle: e["h"], buffer: buf, length: 4096, overlapped: ov0, routine: routine) },
            wait("stillSet", "ev", timeout: 0),
            .write { m, _ in try? m.storeUInt64(0xC0FFEE, at: ov1 + 24) },      // not a handle at all
            .write { m, _ in try? m.storeUInt32(65536, at: ov1 + 16) },
            .call(as: "r2") { e in .readFileEx(handle: e["h"], buffer: buf + 65536, length: 4096, overlapped: ov1, routine: routine) },
            .call(.sleepEx(milliseconds: INF, alertable: true), as: "s1"),
            .call(.sleepEx(milliseconds: INF, alertable: true), as: "s2"),
            .load("context", from: ov1 + 24, size: 8),
        ], apcRoutines: [routine: []])])
        let s = k.script(ids[0])
        #expect(s.v("r") == 1 && s.v("r2") == 1)
        #expect(s.v("stillSet") == 0)
        #expect(s.apcCalls.count == 2)
        #expect(s.v("context") == 0xC0FFEE)
    }
}
