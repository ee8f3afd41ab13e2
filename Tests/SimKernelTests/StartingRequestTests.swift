import Testing
import SimKernel
import SimKernelTestSupport

/// docs/SEMANTICS.md rules 8–13.
@Suite struct StartingRequestTests {
    @Test func rule8_internalIsPendingRightAfterStart() {
        let (k, ids, _) = run([ScriptedBody([
            open(flags: OVL), .overlapped(0, offset: 0),
            read("r", ov: ov0),
            .load("internalAfterStart", from: ov0),
        ])])
        let s = k.script(ids[0])
        #expect(s.err("r") == Win32.ERROR_IO_PENDING)
        #expect(s.v("internalAfterStart") == UInt64(Win32.STATUS_PENDING))
    }

    @Test func rule9_everyRequestResetsEventAndFileSignalEvenWhenItFailsAtOnce() {
        let (k, ids, _) = run([ScriptedBody([
            open(flags: OVL | Win32.FILE_FLAG_NO_BUFFERING),
            event("ev", manual: true, set: true),
            wait("fileBefore", "h", timeout: 0),
            .overlapped(0, offset: 1, event: "ev"),      // misaligned: fails at once
            read("r", ov: ov0),
            wait("eventAfter", "ev", timeout: 0),
            wait("fileAfter", "h", timeout: 0),
        ])])
        let s = k.script(ids[0])
        #expect(s.v("fileBefore") == 0)
        #expect(s.v("r") == 0 && s.err("r") == Win32.ERROR_INVALID_PARAMETER)
        #expect(s.v("eventAfter") == UInt64(Win32.WAIT_TIMEOUT))
        #expect(s.v("fileAfter") == UInt64(Win32.WAIT_TIMEOUT))
    }

    @Test func rule10_threeOutcomesAndTheirNotifications() {
        let (k, ids, _) = run([ScriptedBody([
            open("h", path: "new.bin", access: RW, disposition: Win32.CREATE_ALWAYS, flags: OVL),
            .call(as: "port") { e in .createIoCompletionPort(file: e["h"], existingPort: 0, key: 7, concurrency: 0) },
            event("ev", manual: true),
            // Done at once with success (a write extending the file): TRUE and every notification.
            .overlapped(0, offset: 0, event: "ev"),
            write("atOnce", ov: ov0),
            wait("evAtOnce", "ev", timeout: 0),
            .call(as: "pkt") { e in .getQueuedCompletionStatus(port: e["port"], bytesOut: TestMachine.out(1), keyOut: TestMachine.out(2),
                                                                overlappedOut: TestMachine.out(3), timeout: 0) },
            .load("pktOv", from: TestMachine.out(3), size: 8),
            // Pending: FALSE + ERROR_IO_PENDING (a non-extending write).
            .overlapped(1, offset: 0, event: "ev"),
            write("pending", ov: ov1),
            // Failed at once: FALSE, nothing written, no event, no packet.
            .write { m, _ in try? m.storeUInt64(0xAAAA, at: ov2 + 8) },
            .overlapped(2, offset: 0, event: "ev"),
            .write { m, _ in try? m.storeUInt64(0xAAAA, at: ov2 + 8) },
            .call(as: "failed") { e in .writeFile(handle: e["h"], buffer: 0x10, length: 16, bytesOut: 0, overlapped: ov2) },
            .load("failedHigh", from: ov2 + 8, size: 8),
            .call(as: "pkt2") { e in .getQueuedCompletionStatus(port: e["port"], bytesOut: TestMachine.out(1), keyOut: TestMachine.out(2),
                                                                 overlappedOut: TestMachine.out(3), timeout: 2000) },
            .load("pkt2Ov", from: TestMachine.out(3), size: 8),
            .call(as: "pkt3") { e in .getQueuedCompletionStatus(port: e["port"], bytesOut: TestMachine.out(1), keyOut: TestMachine.out(2),
                                                                 overlappedOut: TestMachine.out(3), timeout: 0) },
        ])])
        let s = k.script(ids[0])
        #expect(s.v("atOnce") == 1)
        #expect(s.v("evAtOnce") == 0)
        #expect(s.v("pkt") == 1 && s.v("pktOv") == ov0)
        #expect(s.v("pending") == 0 && s.err("pending") == Win32.ERROR_IO_PENDING)
        #expect(s.v("failed") == 0 && s.err("failed") == Win32.ERROR_NOACCESS)
        #expect(s.v("failedHigh") == 0xAAAA)
        // Only the pending write's packet arrives; the failed one never does.
        #expect(s.v("pkt2") == 1 && s.v("pkt2Ov") == ov1)
        #expect(s.v("pkt3") == 0 && s.err("pkt3") == Win32.WAIT_TIMEOUT)
    }

    @Test func rule11_endOfFileOnEachKindOfHandle() {
        let (k, ids, _) = run([ScriptedBody([
            open("ovl", flags: OVL),
            .overlapped(0, offset: fileSize),
            read("ovRead", h: "ovl", ov: ov0),
            .call(as: "ovResult") { e in .getOverlappedResult(handle: e["ovl"], overlapped: ov0, bytesOut: TestMachine.out(1), wait: true) },
            .load("ovBytes", from: TestMachine.out(1)),
            open("sync"),
            .call(as: "seek") { e in .setFilePointerEx(handle: e["sync"], distance: 0, newPositionOut: 0, method: Win32.FILE_END) },
            read("syncNoOv", h: "sync"),
            .load("syncBytes", from: TestMachine.out(0)),
            .overlapped(1, offset: fileSize + 10),
            read("syncWithOv", h: "sync", ov: ov1),
        ])])
        let s = k.script(ids[0])
        #expect(s.v("ovRead") == 0 && s.err("ovRead") == Win32.ERROR_IO_PENDING)
        #expect(s.v("ovResult") == 0 && s.err("ovResult") == Win32.ERROR_HANDLE_EOF && s.v("ovBytes") == 0)
        #expect(s.v("syncNoOv") == 1 && s.v("syncBytes") == 0)
        #expect(s.v("syncWithOv") == 0 && s.err("syncWithOv") == Win32.ERROR_HANDLE_EOF)
    }

    @Test func rule12_internalHoldsStatusAndInternalHighTheCountAtCompletion() {
        let (k, ids, _) = run([ScriptedBody([
            open(flags: OVL),
            .overlapped(0, offset: fileSize - 100),
            read("r", ov: ov0),
            .load("highWhilePending", from: ov0 + 8, size: 8),
            .call(.sleep(milliseconds: 5)),
            .load("internal", from: ov0),
            .load("high", from: ov0 + 8, size: 8),
        ])])
        let s = k.script(ids[0])
        #expect(s.v("highWhilePending") == 0)
        #expect(s.v("internal") == UInt64(Win32.STATUS_SUCCESS))
        #expect(s.v("high") == 100)
        #expect(bytes(k, at: buf, count: 100) == pattern("data.bin", offset: fileSize - 100, count: 100))
    }

    @Test func rule13_cacheHitsAndExtendingWritesCompleteSynchronously() {
        let (k, ids, _) = run([ScriptedBody([
            open(flags: OVL),
            .overlapped(0, offset: 65536),
            read("cold", ov: ov0),
            .call(as: "wait") { e in .getOverlappedResult(handle: e["h"], overlapped: ov0, bytesOut: TestMachine.out(1), wait: true) },
            read("warm", ov: ov0),
            open("w", path: "out.bin", access: RW, disposition: Win32.CREATE_ALWAYS, flags: OVL),
            .overlapped(1, offset: 0),
            write("extend", h: "w", ov: ov1),
            write("inside", h: "w", length: 512, ov: ov1),
        ])])
        let s = k.script(ids[0])
        #expect(s.err("cold") == Win32.ERROR_IO_PENDING)
        #expect(s.v("warm") == 1)
        #expect(s.v("extend") == 1)
        #expect(s.v("inside") == 0 && s.err("inside") == Win32.ERROR_IO_PENDING)
    }
}
