import Testing
import SimKernel
import SimKernelTestSupport

/// docs/SEMANTICS.md rules 38–40, plus mutex abandonment and thread handles.
@Suite struct CancellationAndWaitTests {
    @Test func rule38_cancelIoExCancelsQueuedRequestTooLateForOneInService() {
        // One request in service at a time: the second waits in the device queue.
        let (k, ids, _) = run([ScriptedBody([
            open(flags: OVL),
            event("e0", manual: true), event("e1", manual: true),
            .overlapped(0, offset: 0, event: "e0"), .overlapped(1, offset: 65536, event: "e1"),
            read("a", ov: ov0), read("b", buffer: buf + 65536, ov: ov1),
            .call(as: "cancelB") { e in .cancelIoEx(handle: e["h"], overlapped: ov1) },
            .call(as: "cancelA") { e in .cancelIoEx(handle: e["h"], overlapped: ov0) },
            .call(as: "ra") { e in .getOverlappedResult(handle: e["h"], overlapped: ov0, bytesOut: TestMachine.out(1), wait: true) },
            .call(as: "rb") { e in .getOverlappedResult(handle: e["h"], overlapped: ov1, bytesOut: TestMachine.out(2), wait: true) },
            .call(as: "none") { e in .cancelIoEx(handle: e["h"], overlapped: 0) },
        ])], config: config(parallel: 1))
        let s = k.script(ids[0])
        #expect(s.v("cancelB") == 1 && s.v("cancelA") == 1)
        #expect(s.v("ra") == 1)                                              // too late: completes normally
        #expect(s.v("rb") == 0 && s.err("rb") == Win32.ERROR_OPERATION_ABORTED)
        #expect(s.v("none") == 0 && s.err("none") == Win32.ERROR_NOT_FOUND)
    }

    @Test func rule38_cancelIoOnlyTouchesTheCallersRequestsAndNotifiesAsUsual() {
        let main = ScriptedBody([
            open(flags: OVL),
            .call(as: "port") { e in .createIoCompletionPort(file: e["h"], existingPort: 0, key: 5, concurrency: 0) },
            .overlapped(0, offset: 0), .overlapped(1, offset: 65536),
            read("a", ov: ov0), read("b", buffer: buf + 65536, ov: ov1),
            .call(as: "other") { e in .createThread(body: ScriptedBody([
                .call(.cancelIo(handle: e["h"]), as: "c"),
                .call(.cancelIoEx(handle: e["h"], overlapped: 0), as: "cx"),
            ]), name: "other", threadIdOut: 0) },
            .call(as: "j") { e in .waitForSingleObject(handle: e["other"], timeout: INF) },
        ] + gqcs("g1") + gqcs("g2", slot: 1))
        let (k, ids, _) = run([main], config: config(parallel: 1))
        let other = k.script(ids[0] + 1)
        #expect(other.v("c") == 0 && other.err("c") == Win32.ERROR_NOT_FOUND)
        #expect(other.v("cx") == 1)   // CancelIoEx(h, NULL) covers the whole process
        let s = k.script(ids[0])
        // The cancelled request's packet arrives first, with its error.
        #expect(s.v("g1") == 0 && s.v("g1.ov") == ov1 && s.err("g1") == Win32.ERROR_OPERATION_ABORTED)
        #expect(s.v("g2") == 1 && s.v("g2.ov") == ov0)
    }

    @Test func rule39_waitForMultipleObjectsRules() {
        let array = TestMachine.buffers
        func wfmo(_ name: String, _ count: UInt32, all: Bool, timeout: UInt32 = 0) -> Step {
            .call(.waitForMultipleObjects(count: count, handles: array, waitAll: all, timeout: timeout), as: name)
        }
        let (k, ids, _) = run([ScriptedBody([
            event("e0"), event("e1", set: true), event("e2", set: true),
            .handleArray(["e0", "e1", "e2"], at: array),
            wfmo("zero", 0, all: false), wfmo("tooMany", 65, all: false),
            wfmo("allNotReady", 3, all: true),
            wait("e1Untouched", "e1", timeout: 0),   // consumes e1 (auto-reset) — proves wait-all left it
            .call(as: "reset1") { e in .setEvent(e["e1"]) },
            wfmo("any", 3, all: false),               // lowest signaled: 1
            wait("e2StillSet", "e2", timeout: 0),
            .call(as: "s0") { e in .setEvent(e["e0"]) },
            .call(as: "s2") { e in .setEvent(e["e2"]) },
            .call(as: "s1") { e in .setEvent(e["e1"]) },
            wfmo("all", 2, all: true),                 // e0 and e1
            .handleArray(["e0", "e0"], at: array),
            wfmo("dupAll", 2, all: true),
            .call(as: "s0b") { e in .setEvent(e["e0"]) },
            wfmo("dupAny", 2, all: false),
        ])])
        let s = k.script(ids[0])
        let failed = UInt64(Win32.WAIT_FAILED)
        #expect(s.v("zero") == failed && s.err("zero") == Win32.ERROR_INVALID_PARAMETER)
        #expect(s.v("tooMany") == failed && s.err("tooMany") == Win32.ERROR_INVALID_PARAMETER)
        #expect(s.v("allNotReady") == UInt64(Win32.WAIT_TIMEOUT))
        #expect(s.v("e1Untouched") == 0)
        #expect(s.v("any") == 1)
        #expect(s.v("e2StillSet") == 0)
        #expect(s.v("all") == 0)
        #expect(s.v("dupAll") == failed && s.err("dupAll") == Win32.ERROR_INVALID_PARAMETER)
        #expect(s.v("dupAny") == 0)
    }

    @Test func rule39_waitAllCompletesOnlyWhenEveryObjectIsSignaled() {
        let array = TestMachine.buffers
        let main = ScriptedBody([
            event("a"), .call(.createSemaphore(initial: 0, maximum: 5), as: "sem"),
            .handleArray(["a", "sem"], at: array),
            .call(as: "t") { e in .createThread(body: ScriptedBody([
                .call(.sleep(milliseconds: 1)), .call(.setEvent(e["a"])),
                .call(.sleep(milliseconds: 1)), .call(.releaseSemaphore(handle: e["sem"], count: 2, previousOut: 0)),
            ]), name: nil, threadIdOut: 0) },
            .call(.waitForMultipleObjects(count: 2, handles: array, waitAll: true, timeout: INF), as: "w"),
            .call(as: "prev") { e in .releaseSemaphore(handle: e["sem"], count: 1, previousOut: TestMachine.out(1)) },
            .load("prevCount", from: TestMachine.out(1)),
        ])
        let (k, ids, _) = run([main])
        let s = k.script(ids[0])
        #expect(s.v("w") == 0)
        #expect(s.log.first { $0.name == "w" }!.time >= 2000)
        #expect(s.v("prevCount") == 1)
    }

    @Test func rule39_anObjectThatCollectedManyEndedWaitsStillWakesTheCurrentOne() {
        // 63 waits on [a, b] are ended by b, so a holds an entry for each;
        // the entry of the 64th wait, added as a's list is tidied, must survive.
        let array = TestMachine.buffers
        let any = Service.waitForMultipleObjects(count: 2, handles: array, waitAll: false, timeout: INF)
        let main = ScriptedBody([
            event("a"), event("b"),
            .handleArray(["a", "b"], at: array),
            .call(as: "t") { e in .createThread(body: ScriptedBody([
                .loop(times: 63, steps: [.call(.sleep(milliseconds: 1)), .call(.setEvent(e["b"]))]),
                .call(.sleep(milliseconds: 1)), .call(.setEvent(e["a"])),
            ]), name: nil, threadIdOut: 0) },
            .loop(times: 63, steps: [.call(any)]),
            .call(any, as: "last"),
        ])
        let (k, ids, status) = run([main])
        #expect(k.script(ids[0]).v("last") == 0)
        #expect(status == .finished(exitCode: 0))
    }

    @Test func rule40_signalObjectAndWaitSignalsThenWaitsOrFailsWithWaitFailed() {
        let main = ScriptedBody([
            event("go"), event("done"),
            .call(as: "t") { e in .createThread(body: ScriptedBody([
                .call(.waitForSingleObject(handle: e["go"], timeout: INF), as: "w"),
                .call(.setEvent(e["done"])),
            ]), name: nil, threadIdOut: 0) },
            .call(.sleep(milliseconds: 1)),
            .call(as: "sow") { e in .signalObjectAndWait(signal: e["go"], wait: e["done"], timeout: INF, alertable: false) },
            .call(.createSemaphore(initial: 1, maximum: 1), as: "full"),
            .call(as: "atMax") { e in .signalObjectAndWait(signal: e["full"], wait: e["done"], timeout: 0, alertable: false) },
            .call(.createMutex(initialOwner: false), as: "mx"),
            .call(as: "notOwner") { e in .signalObjectAndWait(signal: e["mx"], wait: e["done"], timeout: 0, alertable: false) },
            .call(as: "thread") { e in .signalObjectAndWait(signal: e["t"], wait: e["done"], timeout: 0, alertable: false) },
        ])
        let (k, ids, _) = run([main])
        let s = k.script(ids[0])
        #expect(s.v("sow") == 0)
        #expect(k.script(ids[0] + 1).v("w") == 0)
        let failed = UInt64(Win32.WAIT_FAILED)
        #expect(s.v("atMax") == failed && s.err("atMax") == Win32.ERROR_TOO_MANY_POSTS)
        #expect(s.v("notOwner") == failed && s.err("notOwner") == Win32.ERROR_NOT_OWNER)
        #expect(s.v("thread") == failed && s.err("thread") == Win32.ERROR_INVALID_HANDLE)
    }

    @Test func mutexOwnedByExitedThreadIsAbandonedToTheNextWaiter() {
        let main = ScriptedBody([
            .call(.createMutex(initialOwner: false), as: "mx"),
            .call(as: "t") { e in .createThread(body: ScriptedBody([
                .call(.waitForSingleObject(handle: e["mx"], timeout: INF), as: "own"),
                .call(.waitForSingleObject(handle: e["mx"], timeout: INF), as: "recursive"),
            ]), name: nil, threadIdOut: 0) },
            .call(.sleep(milliseconds: 1)),
            wait("abandoned", "mx"),
            wait("again", "mx"),
            .call(as: "r1") { e in .releaseMutex(e["mx"]) },
            .call(as: "r2") { e in .releaseMutex(e["mx"]) },
            .call(as: "r3") { e in .releaseMutex(e["mx"]) },
            .call(as: "code") { e in .getExitCodeThread(handle: e["t"], codeOut: TestMachine.out(1)) },
            .load("exitCode", from: TestMachine.out(1)),
        ])
        let (k, ids, _) = run([main])
        let s = k.script(ids[0])
        #expect(s.v("abandoned") == UInt64(Win32.WAIT_ABANDONED_0))
        #expect(s.v("again") == 0)
        #expect(s.v("r1") == 1 && s.v("r2") == 1)
        #expect(s.v("r3") == 0 && s.err("r3") == Win32.ERROR_NOT_OWNER)
        #expect(s.v("exitCode") == 0)
    }

    @Test func waitTimeoutsZeroFiniteAndInfinite() {
        let (k, ids, _) = run([ScriptedBody([
            event("ev"),
            wait("zero", "ev", timeout: 0),
            wait("finite", "ev", timeout: 25),
            .call(.getTickCount64, as: "ms"),
            .call(.waitForSingleObject(handle: 0x1234, timeout: 0), as: "bad"),
        ])])
        let s = k.script(ids[0])
        #expect(s.v("zero") == UInt64(Win32.WAIT_TIMEOUT) && s.v("finite") == UInt64(Win32.WAIT_TIMEOUT))
        #expect(s.v("ms") >= 25)
        #expect(s.v("bad") == UInt64(Win32.WAIT_FAILED) && s.err("bad") == Win32.ERROR_INVALID_HANDLE)
    }
}
