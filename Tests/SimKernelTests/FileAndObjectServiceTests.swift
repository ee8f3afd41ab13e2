import Testing
import SimKernel
import SimKernelTestSupport

/// The remaining services' plain behaviour: sizes, positions, truncation,
/// semaphores, thread exit codes, pseudo-handles.
@Suite struct FileAndObjectServiceTests {
    @Test func sizePositionAndEndOfFile() {
        let (k, ids, _) = run([ScriptedBody([
            open("h", path: "t.bin", access: RW, disposition: Win32.CREATE_ALWAYS),
            .write { m, _ in try? m.fill(0xAB, at: buf, count: 8192) },
            write("w", length: 8192),
            .call(as: "size") { e in .getFileSizeEx(handle: e["h"], sizeOut: TestMachine.out(1)) },
            .load("size1", from: TestMachine.out(1), size: 8),
            .call(as: "neg") { e in .setFilePointerEx(handle: e["h"], distance: -1, newPositionOut: 0, method: Win32.FILE_BEGIN) },
            .call(as: "badMethod") { e in .setFilePointerEx(handle: e["h"], distance: 0, newPositionOut: 0, method: 7) },
            .call(as: "back") { e in .setFilePointerEx(handle: e["h"], distance: -4096, newPositionOut: TestMachine.out(2), method: Win32.FILE_END) },
            .load("pos", from: TestMachine.out(2), size: 8),
            .call(as: "trunc") { e in .setEndOfFile(handle: e["h"]) },
            .call(as: "grow") { e in .setFilePointerEx(handle: e["h"], distance: 8192, newPositionOut: 0, method: Win32.FILE_BEGIN) },
            .call(as: "extend") { e in .setEndOfFile(handle: e["h"]) },
            .call(as: "flush") { e in .flushFileBuffers(handle: e["h"]) },
            open("ro", path: "t.bin", access: R),
            .call(as: "roTrunc") { e in .setEndOfFile(handle: e["ro"]) },
            .call(as: "roFlush") { e in .flushFileBuffers(handle: e["ro"]) },
            write("roWrite", h: "ro", length: 16),
        ])])
        let s = k.script(ids[0])
        #expect(s.v("w") == 1 && s.v("size1") == 8192)
        #expect(s.v("neg") == 0 && s.err("neg") == Win32.ERROR_NEGATIVE_SEEK)
        #expect(s.err("badMethod") == Win32.ERROR_INVALID_PARAMETER)
        #expect(s.v("pos") == 4096)
        #expect(s.v("trunc") == 1 && s.v("extend") == 1 && s.v("flush") == 1)
        let content = k.volume.contents(of: "t.bin")!
        #expect(content.count == 8192)
        #expect(content[4095] == 0xAB && content[4096] == 0)   // regrown bytes read as zero
        #expect(s.err("roTrunc") == Win32.ERROR_ACCESS_DENIED && s.err("roFlush") == Win32.ERROR_ACCESS_DENIED)
        #expect(s.v("roWrite") == 0 && s.err("roWrite") == Win32.ERROR_ACCESS_DENIED)
    }

    @Test func semaphoresAndMutexParameters() {
        let (k, ids, _) = run([ScriptedBody([
            .call(.createSemaphore(initial: 2, maximum: 1), as: "badInit"),
            .call(.createSemaphore(initial: 0, maximum: 0), as: "badMax"),
            .call(.createSemaphore(initial: 1, maximum: 2), as: "sem"),
            .call(as: "tooMany") { e in .releaseSemaphore(handle: e["sem"], count: 2, previousOut: TestMachine.out(1)) },
            .call(as: "ok") { e in .releaseSemaphore(handle: e["sem"], count: 1, previousOut: TestMachine.out(1)) },
            .load("prev", from: TestMachine.out(1)),
            wait("w1", "sem", timeout: 0), wait("w2", "sem", timeout: 0), wait("w3", "sem", timeout: 0),
            .call(as: "wrongType") { e in .setEvent(e["sem"]) },
            .call(.createMutex(initialOwner: true), as: "mx"),
            .call(as: "rel") { e in .releaseMutex(e["mx"]) },
            .call(as: "rel2") { e in .releaseMutex(e["mx"]) },
        ])])
        let s = k.script(ids[0])
        #expect(s.v("badInit") == 0 && s.err("badInit") == Win32.ERROR_INVALID_PARAMETER)
        #expect(s.v("badMax") == 0 && s.err("badMax") == Win32.ERROR_INVALID_PARAMETER)
        #expect(s.v("tooMany") == 0 && s.err("tooMany") == Win32.ERROR_TOO_MANY_POSTS)
        #expect(s.v("ok") == 1 && s.v("prev") == 1)
        #expect(s.v("w1") == 0 && s.v("w2") == 0 && s.v("w3") == UInt64(Win32.WAIT_TIMEOUT))
        #expect(s.v("wrongType") == 0 && s.err("wrongType") == Win32.ERROR_INVALID_HANDLE)
        #expect(s.v("rel") == 1 && s.v("rel2") == 0 && s.err("rel2") == Win32.ERROR_NOT_OWNER)
    }

    @Test func threadsExitCodesIdsAndPseudoHandles() {
        let me = Win32.currentThreadPseudoHandle
        let (k, ids, _) = run([ScriptedBody([
            .call(as: "t") { _ in .createThread(body: ScriptedBody([.compute(5000), .exit(42)]), name: "child", threadIdOut: TestMachine.out(1)) },
            .load("tid", from: TestMachine.out(1)),
            .call(as: "running") { e in .getExitCodeThread(handle: e["t"], codeOut: TestMachine.out(2)) },
            .load("stillActive", from: TestMachine.out(2)),
            wait("join", "t"),
            .call(as: "done") { e in .getExitCodeThread(handle: e["t"], codeOut: TestMachine.out(2)) },
            .load("code", from: TestMachine.out(2)),
            .call(.getCurrentThreadId, as: "self"),
            .call(.setThreadDescription(handle: me, description: "boss"), as: "named"),
            wait("selfWait", "none", timeout: 0),
            .call(.waitForSingleObject(handle: me, timeout: 0), as: "ownHandle"),
            .call(.closeHandle(me), as: "closePseudo"),
            .call(.closeHandle(0x400), as: "closeBad"),
        ])])
        let s = k.script(ids[0])
        #expect(s.v("tid") == UInt64(ids[0] + 1))
        #expect(s.v("stillActive") == UInt64(Win32.STILL_ACTIVE))
        #expect(s.v("code") == 42)
        #expect(s.v("self") == UInt64(ids[0]))
        #expect(k.view().thread(ids[0])?.name == "boss")
        #expect(k.view().thread(ids[0] + 1)?.name == "child")
        #expect(s.v("ownHandle") == UInt64(Win32.WAIT_TIMEOUT))
        #expect(s.v("closePseudo") == 1)
        #expect(s.v("closeBad") == 0 && s.err("closeBad") == Win32.ERROR_INVALID_HANDLE)
    }
}
