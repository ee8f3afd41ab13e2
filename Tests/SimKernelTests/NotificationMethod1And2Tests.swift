import Testing
import SimKernel
import SimKernelTestSupport

/// docs/SEMANTICS.md rules 14–18 (waiting on the handle; the event in OVERLAPPED).
@Suite struct NotificationMethod1And2Tests {
    @Test func rule14_fileHandleIsManualResetAndCannotTellWhichRequestFinished() {
        // Two reads in flight: waiting on the handle wakes at the first
        // completion while the other is still pending.
        let (k, ids, _) = run([ScriptedBody([
            open(flags: OVL),
            wait("signaledAfterOpen", "h", timeout: 0),
            .overlapped(0, offset: 0), .overlapped(1, offset: 65536),
            read("a", ov: ov0),
            .compute(300),
            read("b", buffer: buf + 65536, ov: ov1),
            wait("resetByStart", "h", timeout: 0),
            wait("w", "h"),
            .load("aStatus", from: ov0), .load("bStatus", from: ov1),
            wait("stillSignaled", "h", timeout: 0),   // manual reset: stays signaled
            .call(.sleep(milliseconds: 5)),   // b completes (the handle cannot say so: it is already set)
            event("ev", manual: true),
            .overlapped(2, offset: 131072, event: "ev"),
            read("c", buffer: buf + 131072, ov: ov2),
            .call(as: "cDone") { e in .getOverlappedResult(handle: e["h"], overlapped: ov2, bytesOut: 0, wait: true) },
            wait("notSetWithEvent", "h", timeout: 0),
        ])])
        let s = k.script(ids[0])
        #expect(s.v("signaledAfterOpen") == 0)
        #expect(s.v("resetByStart") == UInt64(Win32.WAIT_TIMEOUT))
        #expect(s.v("w") == 0)
        #expect(s.v("aStatus") == 0)
        #expect(s.v("bStatus") == UInt64(Win32.STATUS_PENDING))
        #expect(s.v("stillSignaled") == 0)
        #expect(s.v("cDone") == 1)
        #expect(s.v("notSetWithEvent") == UInt64(Win32.WAIT_TIMEOUT))
    }

    @Test func rule15_skipSetEventOnHandleStopsTheFileSignalForGood() {
        let (k, ids, _) = run([ScriptedBody([
            open(flags: OVL),
            .call(as: "m") { e in .setFileCompletionNotificationModes(handle: e["h"], flags: Win32.FILE_SKIP_SET_EVENT_ON_HANDLE) },
            .call(as: "clear") { e in .setFileCompletionNotificationModes(handle: e["h"], flags: 0) },
            .overlapped(0, offset: 0),
            read("r", ov: ov0),
            .call(.sleep(milliseconds: 5)),
            .load("internal", from: ov0),
            wait("w", "h", timeout: 0),
            holdOpen,
        ])])
        let s = k.script(ids[0])
        #expect(s.v("m") == 1 && s.v("clear") == 1)
        #expect(s.v("internal") == 0)
        #expect(s.v("w") == UInt64(Win32.WAIT_TIMEOUT))
        #expect(k.view().files[0].notificationModes == Win32.FILE_SKIP_SET_EVENT_ON_HANDLE)
    }

    @Test func rule16_autoResetEventConsumedByAnotherWaitLeavesGetOverlappedResultHanging() {
        // The helper waits on the request's auto-reset event first and takes
        // the signal; GetOverlappedResult(bWait=TRUE) then waits forever.
        let main = ScriptedBody([
            open(flags: OVL),
            event("ev"),
            .call(as: "t") { e in .createThread(body: ScriptedBody([
                .call(.waitForSingleObject(handle: e["ev"], timeout: INF), as: "stolen"),
            ]), name: "thief", threadIdOut: 0) },
            .compute(100),
            .overlapped(0, offset: 0, event: "ev"),
            read("r", ov: ov0),
            .call(as: "hangs") { e in .getOverlappedResult(handle: e["h"], overlapped: ov0, bytesOut: 0, wait: true) },
        ])
        let (k, ids, status) = run([main])
        guard case .deadlock(let report) = status else { Issue.record("expected deadlock, got \(status)"); return }
        #expect(report.threads.map(\.thread) == [ids[0]])
        #expect(report.threads[0].waiting.call == "GetOverlappedResult")
        #expect(report.description.contains("GetOverlappedResult"))
        _ = k
    }

    @Test func rule16_eventNeverSetAfterSynchronousFailure() {
        let (k, ids, _) = run([ScriptedBody([
            open(flags: OVL),
            event("ev", manual: true),
            .overlapped(0, offset: 0, event: "ev"),
            .call(as: "bad") { e in .readFile(handle: e["h"], buffer: 0x10, length: 16, bytesOut: 0, overlapped: ov0) },
            wait("w", "ev", timeout: 50),
        ])])
        #expect(k.script(ids[0]).v("w") == UInt64(Win32.WAIT_TIMEOUT))
    }

    @Test func rule17_getOverlappedResultOnlyReadsTheOverlapped() {
        let (k, ids, _) = run([ScriptedBody([
            open(flags: OVL),
            // Not pending: returns at once from the fields, whatever they say.
            .write { m, _ in try? m.fill(0, at: ov0, count: 32); try? m.storeUInt64(1234, at: ov0 + 8) },
            .call(as: "done") { e in .getOverlappedResult(handle: e["h"], overlapped: ov0, bytesOut: TestMachine.out(1), wait: true) },
            .load("doneBytes", from: TestMachine.out(1)),
            .write { m, _ in try? m.storeUInt32(Win32.STATUS_END_OF_FILE, at: ov0) },
            .call(as: "failed") { e in .getOverlappedResult(handle: e["h"], overlapped: ov0, bytesOut: TestMachine.out(1), wait: false) },
            // Pending and not waiting: ERROR_IO_INCOMPLETE, count untouched.
            .overlapped(1, offset: 0),
            read("r", ov: ov1),
            .write { m, _ in try? m.storeUInt32(77, at: TestMachine.out(2)) },
            .call(as: "incomplete") { e in .getOverlappedResult(handle: e["h"], overlapped: ov1, bytesOut: TestMachine.out(2), wait: false) },
            .load("untouched", from: TestMachine.out(2)),
            .call(as: "timeout") { e in .getOverlappedResultEx(handle: e["h"], overlapped: ov1, bytesOut: TestMachine.out(2), timeout: 0, alertable: false) },
            .call(as: "timeout1") { e in .getOverlappedResultEx(handle: e["h"], overlapped: ov1, bytesOut: TestMachine.out(2), timeout: 0x1, alertable: false) },
            // Waiting with hEvent NULL waits on the file handle.
            .call(as: "waited") { e in .getOverlappedResult(handle: e["h"], overlapped: ov1, bytesOut: TestMachine.out(2), wait: true) },
            .load("waitedBytes", from: TestMachine.out(2)),
        ])], config: config(latency: 5000))
        let s = k.script(ids[0])
        #expect(s.v("done") == 1 && s.v("doneBytes") == 1234)
        #expect(s.v("failed") == 0 && s.err("failed") == Win32.ERROR_HANDLE_EOF)
        #expect(s.v("incomplete") == 0 && s.err("incomplete") == Win32.ERROR_IO_INCOMPLETE && s.v("untouched") == 77)
        #expect(s.v("timeout") == 0 && s.err("timeout") == Win32.ERROR_IO_INCOMPLETE)
        #expect(s.v("timeout1") == 0 && s.err("timeout1") == Win32.WAIT_TIMEOUT)
        #expect(s.v("waited") == 1 && s.v("waitedBytes") == 4096)
        #expect(s.log.first { $0.name == "waited" }!.time >= 5000)
    }

    @Test func rule18_autoResetConsumedManualStaysAndDoubleSetCountsOnce() {
        let (k, ids, _) = run([ScriptedBody([
            event("auto"), event("manual", manual: true),
            .call(as: "s1") { e in .setEvent(e["auto"]) },
            .call(as: "s2") { e in .setEvent(e["auto"]) },
            wait("a1", "auto", timeout: 0), wait("a2", "auto", timeout: 0),
            .call(as: "s3") { e in .setEvent(e["manual"]) },
            wait("m1", "manual", timeout: 0), wait("m2", "manual", timeout: 0),
            .call(as: "reset") { e in .resetEvent(e["manual"]) },
            wait("m3", "manual", timeout: 0),
        ])])
        let s = k.script(ids[0])
        #expect(s.v("a1") == 0 && s.v("a2") == UInt64(Win32.WAIT_TIMEOUT))
        #expect(s.v("m1") == 0 && s.v("m2") == 0 && s.v("m3") == UInt64(Win32.WAIT_TIMEOUT))
    }

    @Test func rule18_setEventWakesOneAutoResetWaiterButAllManualWaiters() {
        let main = ScriptedBody([
            event("auto"), event("manual", manual: true),
            .call(as: "t1") { e in .createThread(body: ScriptedBody([.call(.waitForSingleObject(handle: e["auto"], timeout: 100), as: "w")]), name: nil, threadIdOut: 0) },
            .call(as: "t2") { e in .createThread(body: ScriptedBody([.call(.waitForSingleObject(handle: e["auto"], timeout: 100), as: "w")]), name: nil, threadIdOut: 0) },
            .call(as: "t3") { e in .createThread(body: ScriptedBody([.call(.waitForSingleObject(handle: e["manual"], timeout: 100), as: "w")]), name: nil, threadIdOut: 0) },
            .call(as: "t4") { e in .createThread(body: ScriptedBody([.call(.waitForSingleObject(handle: e["manual"], timeout: 100), as: "w")]), name: nil, threadIdOut: 0) },
            .call(.sleep(milliseconds: 10)),
            .call(as: "sa") { e in .setEvent(e["auto"]) },
            .call(as: "sm") { e in .setEvent(e["manual"]) },
        ])
        let (k, _, _) = run([main])
        let results = (2 ... 5).map { k.script($0).v("w") }
        #expect(results[0] == 0)                                   // first auto waiter (FIFO)
        #expect(results[1] == UInt64(Win32.WAIT_TIMEOUT))          // second: the signal was consumed
        #expect(results[2] == 0 && results[3] == 0)                // manual: both
    }
}
