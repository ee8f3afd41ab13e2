import Testing
import SimKernel
import SimKernelTestSupport

/// docs/SEMANTICS.md rules 1–7.
@Suite struct HandlesAndOpeningTests {
    @Test func rule1_synchronousHandleSerializesBlocksAndAdvancesPosition() {
        // Two threads share one synchronous handle: the second request waits
        // for the first, and each uses and advances the shared position.
        let main = ScriptedBody([
            open(),
            .call(as: "t") { e in .createThread(body: ScriptedBody([
                .call(as: "r2") { _ in .readFile(handle: e["h"], buffer: buf + 8192, length: 4096, bytesOut: TestMachine.out(1), overlapped: 0) },
            ]), name: "second", threadIdOut: 0) },
            read("r1"),
            .call(as: "w") { e in .waitForSingleObject(handle: e["t"], timeout: INF) },
            .call(as: "pos") { e in .setFilePointerEx(handle: e["h"], distance: 0, newPositionOut: TestMachine.out(2), method: Win32.FILE_CURRENT) },
        ])
        let (k, ids, status) = run([main], config: config(cache: 0))
        #expect(status == .finished(exitCode: 0))
        let s = k.script(ids[0])
        #expect(s.v("r1") == 1)
        #expect(word(k, TestMachine.out(2), size: 8) == 8192)
        // The first ReadFile blocked the caller for the disk latency.
        let r1 = s.log.first { $0.name == "r1" }!
        #expect(r1.time >= 1000)
        // Both 4 KiB ranges were read once each, in order of issue.
        let first = bytes(k, at: buf, count: 4096), second = bytes(k, at: buf + 8192, count: 4096)
        #expect(Set([first, second]) == Set([pattern("data.bin", offset: 0, count: 4096), pattern("data.bin", offset: 4096, count: 4096)]))
        // Serialized: the later request completed a full latency after the first.
        let completes = k.trace.filter { $0.action == .ioComplete }.map(\.time)
        #expect(completes.count == 2 && completes[1] >= completes[0] + 1000)
    }

    @Test func rule2_overlappedOnSynchronousHandleStartsAtOffsetBlocksAndMovesPosition() {
        let (k, ids, _) = run([ScriptedBody([
            open(),
            .overlapped(0, offset: 8192),
            read("r", ov: ov0),
            .call(as: "pos") { e in .setFilePointerEx(handle: e["h"], distance: 0, newPositionOut: TestMachine.out(2), method: Win32.FILE_CURRENT) },
        ])])
        let s = k.script(ids[0])
        #expect(s.v("r") == 1)   // blocks, then TRUE — never ERROR_IO_PENDING
        #expect(s.log.first { $0.name == "r" }!.time >= 1000)
        #expect(bytes(k, at: buf, count: 4096) == pattern("data.bin", offset: 8192, count: 4096))
        #expect(word(k, TestMachine.out(2), size: 8) == 8192 + 4096)
    }

    @Test func rule3_overlappedHandleWithoutOverlappedIsInvalidParameter() {
        let (k, ids, _) = run([ScriptedBody([open(flags: OVL), read("r"), write("w")])])
        let s = k.script(ids[0])
        #expect(s.v("r") == 0 && s.err("r") == Win32.ERROR_INVALID_PARAMETER)
    }

    @Test func rule4_noBufferingNeedsSectorAlignmentAndBypassesCache() {
        let nb = OVL | Win32.FILE_FLAG_NO_BUFFERING
        let (k, ids, _) = run([ScriptedBody([
            open(flags: nb),
            .overlapped(0, offset: 100), read("badOffset", ov: ov0),
            .overlapped(0, offset: 0), read("badLength", length: 100, ov: ov0),
            read("badBuffer", buffer: buf + 3, ov: ov0),
            read("good", ov: ov0),
            .call(as: "g1") { e in .getOverlappedResult(handle: e["h"], overlapped: ov0, bytesOut: TestMachine.out(1), wait: true) },
            read("again", ov: ov0),   // same range: still goes to the disk
        ])])
        let s = k.script(ids[0])
        for n in ["badOffset", "badLength", "badBuffer"] {
            #expect(s.v(n) == 0 && s.err(n) == Win32.ERROR_INVALID_PARAMETER, "\(n)")
        }
        #expect(s.v("good") == 0 && s.err("good") == Win32.ERROR_IO_PENDING)
        #expect(s.v("again") == 0 && s.err("again") == Win32.ERROR_IO_PENDING)
    }

    @Test func rule5_shareCheckRejectsUnsharedAccessBothWays() {
        let (k, ids, _) = run([ScriptedBody([
            open("a", access: R, share: Win32.FILE_SHARE_READ),
            open("wantsWrite", access: W, share: SHARE_ALL),                      // a does not share write
            open("readerSharingRead", access: R, share: Win32.FILE_SHARE_READ),   // fine
            open("noData", access: 0, share: 0),                                  // no data access: no check
            .call(as: "ca") { e in .closeHandle(e["a"]) },
            .call(as: "cb") { e in .closeHandle(e["readerSharingRead"]) },
            open("writer", access: W, share: SHARE_ALL),
            open("readerNotSharingWrite", access: R, share: Win32.FILE_SHARE_READ), // writer holds write
        ])])
        let s = k.script(ids[0])
        #expect(s.v("a") != Win32.INVALID_HANDLE_VALUE)
        #expect(s.v("wantsWrite") == Win32.INVALID_HANDLE_VALUE && s.err("wantsWrite") == Win32.ERROR_SHARING_VIOLATION)
        #expect(s.v("readerSharingRead") != Win32.INVALID_HANDLE_VALUE)
        #expect(s.v("noData") != Win32.INVALID_HANDLE_VALUE)
        #expect(s.v("writer") != Win32.INVALID_HANDLE_VALUE)
        #expect(s.v("readerNotSharingWrite") == Win32.INVALID_HANDLE_VALUE)
        #expect(s.err("readerNotSharingWrite") == Win32.ERROR_SHARING_VIOLATION)
    }

    @Test func rule6_duplicateSharesPositionModeAndPortWithoutShareCheck() {
        let self_ = Win32.currentProcessPseudoHandle
        let (k, ids, _) = run([ScriptedBody([
            open("h", access: R, share: 0),   // exclusive
            .call(as: "dup") { e in .duplicateHandle(sourceProcess: self_, source: e["h"], targetProcess: self_,
                                                     targetOut: TestMachine.out(3), access: 0, inherit: false,
                                                     options: Win32.DUPLICATE_SAME_ACCESS) },
            .load("h2", from: TestMachine.out(3), size: 8),
            read("r1"),
            read("r2", h: "h2", buffer: buf + 4096),
            .call(as: "c1") { e in .closeHandle(e["h"]) },
            read("r3", h: "h2", buffer: buf + 8192),          // still open through the duplicate
            open("blocked", access: R, share: SHARE_ALL),      // exclusive open still alive
            .call(as: "c2") { e in .closeHandle(e["h2"]) },
            open("after", access: R, share: SHARE_ALL),        // last handle closed: file object gone
            open("ovl", flags: OVL),
            .call(as: "dupOvl") { e in .duplicateHandle(sourceProcess: self_, source: e["ovl"], targetProcess: self_,
                                                        targetOut: TestMachine.out(4), access: 0, inherit: false, options: 2) },
            .load("ovl2", from: TestMachine.out(4), size: 8),
            read("noOv", h: "ovl2"),                           // overlapped mode is shared
        ])])
        let s = k.script(ids[0])
        #expect(s.v("dup") == 1)
        #expect(bytes(k, at: buf + 4096, count: 4096) == pattern("data.bin", offset: 4096, count: 4096))
        #expect(bytes(k, at: buf + 8192, count: 4096) == pattern("data.bin", offset: 8192, count: 4096))
        #expect(s.v("r3") == 1)
        #expect(s.err("blocked") == Win32.ERROR_SHARING_VIOLATION)
        #expect(s.v("after") != Win32.INVALID_HANDLE_VALUE)
        #expect(s.v("noOv") == 0 && s.err("noOv") == Win32.ERROR_INVALID_PARAMETER)
    }

    @Test func rule7_reOpenFileIsANewShareCheckedOpenWithItsOwnFlags() {
        let (k, ids, _) = run([ScriptedBody([
            open("h", access: R, share: Win32.FILE_SHARE_READ),
            .call(as: "ro") { e in .reOpenFile(handle: e["h"], access: R, shareMode: Win32.FILE_SHARE_READ, flags: OVL) },
            .call(as: "roWrite") { e in .reOpenFile(handle: e["h"], access: W, shareMode: SHARE_ALL, flags: OVL) },
            read("syncStillSync"),
            read("overlappedNeedsOv", h: "ro"),
            .overlapped(0, offset: 0),
            read("cachedRead", h: "ro", buffer: buf + 65536, ov: ov0),
        ])])
        let s = k.script(ids[0])
        #expect(s.v("ro") != Win32.INVALID_HANDLE_VALUE && s.v("ro") != s.v("h"))
        #expect(s.v("roWrite") == Win32.INVALID_HANDLE_VALUE && s.err("roWrite") == Win32.ERROR_SHARING_VIOLATION)
        #expect(s.v("syncStillSync") == 1)
        #expect(s.err("overlappedNeedsOv") == Win32.ERROR_INVALID_PARAMETER)
        // The cache already holds block 0 from the synchronous read: done at once.
        #expect(s.v("cachedRead") == 1)
        // Both opens were closed when the process ended (its handle table goes with it).
        #expect(k.view().files.isEmpty)
    }

    @Test func aProcessThatEndsClosesEveryHandleItStillHeld() {
        let (k, _, _) = run([ScriptedBody([
            open("h", flags: OVL),
            .call(.createIoCompletionPort(file: Win32.INVALID_HANDLE_VALUE, existingPort: 0, key: 0, concurrency: 1), as: "port"),
            .call(as: "assoc") { e in .createIoCompletionPort(file: e["h"], existingPort: e["port"], key: 7, concurrency: 0) },
        ])])
        let view = k.view()
        #expect(view.files.isEmpty, "the file object's last handle closed")
        let portsClosed = view.ports.allSatisfy { $0.closed }
        #expect(portsClosed, "the port closed with the process")
    }

    @Test func deleteFileHonoursShareDeleteAndIsPendingUntilLastClose() {
        let (k, ids, _) = run([ScriptedBody([
            open("a", share: Win32.FILE_SHARE_READ),
            .call(.deleteFile(path: "data.bin"), as: "refused"),
            .call(as: "ca") { e in .closeHandle(e["a"]) },
            open("b", share: SHARE_ALL),
            .call(.deleteFile(path: "DATA.BIN"), as: "pending"),
            open("reopen", share: SHARE_ALL),
            .call(as: "cb") { e in .closeHandle(e["b"]) },
            open("gone", share: SHARE_ALL),
            .call(.deleteFile(path: "data.bin"), as: "again"),
        ])])
        let s = k.script(ids[0])
        #expect(s.v("refused") == 0 && s.err("refused") == Win32.ERROR_SHARING_VIOLATION)
        #expect(s.v("pending") == 1)
        #expect(s.v("reopen") == Win32.INVALID_HANDLE_VALUE && s.err("reopen") == Win32.ERROR_ACCESS_DENIED)
        #expect(s.v("gone") == Win32.INVALID_HANDLE_VALUE && s.err("gone") == Win32.ERROR_FILE_NOT_FOUND)
        #expect(s.err("again") == Win32.ERROR_FILE_NOT_FOUND)
        #expect(k.volume.size(of: "data.bin") == nil)
    }

    @Test func createFileDispositionsAndLastError() {
        let (k, ids, _) = run([ScriptedBody([
            open("new", path: "x.bin", access: RW, disposition: Win32.CREATE_NEW),
            open("dup", path: "x.bin", access: RW, disposition: Win32.CREATE_NEW),
            open("always", path: "x.bin", access: RW, disposition: Win32.OPEN_ALWAYS),
            open("missing", path: "nope.bin", disposition: Win32.OPEN_EXISTING),
            open("bad", path: "x.bin", disposition: 9),
        ])])
        let s = k.script(ids[0])
        #expect(s.v("new") != Win32.INVALID_HANDLE_VALUE && s.err("new") == 0)
        #expect(s.err("dup") == Win32.ERROR_FILE_EXISTS)
        #expect(s.v("always") != Win32.INVALID_HANDLE_VALUE && s.err("always") == Win32.ERROR_ALREADY_EXISTS)
        #expect(s.err("missing") == Win32.ERROR_FILE_NOT_FOUND)
        #expect(s.err("bad") == Win32.ERROR_INVALID_PARAMETER)
    }

    @Test func rule1_manyThreadsQueuedOnOneSynchronousHandleAllComplete() {
        // 2,000 threads read one cached block through one synchronous handle:
        // each waits its turn; the queue drains without deep recursion.
        var bodies = [ScriptedBody([
            open(), read("warm"),                                  // block 0 cached at ~100 ms
            .call(as: "seek") { e in .setFilePointerEx(handle: e["h"], distance: 1 << 19, newPositionOut: 0, method: 0) },
            read("cold", buffer: buf + 65536),                      // holds the file object until ~200 ms
        ])]
        for _ in 0 ..< 2000 {
            bodies.append(ScriptedBody([
                .call(.sleep(milliseconds: 150)), .set("h") { _, _ in 4 },
                .overlapped(3, offset: 0),
                read("r", length: 512, ov: TestMachine.overlapped(3)),   // cached: completes when its turn comes
            ]))
        }
        var c = config(latency: 100_000)
        c.tracing = false
        let (k, ids, status) = run(bodies, config: c)
        #expect(status == .finished(exitCode: 0))
        #expect(ids.dropFirst().allSatisfy { k.script($0).v("r") == 1 })
        #expect(k.view().counters.requestsCompleted == 2002)
        #expect(ids.dropFirst().allSatisfy { k.script($0).log.last!.time >= 200_000 })
        #expect(k.now < 300_000)
    }
}
