import Testing
import SimKernel
import SimKernelTestSupport
import SimMemory

private let routine: UInt64 = 0x4000_3000
private let array = TestMachine.out(8)

/// Departures from Windows found by running third-party Windows tests (Wine's
/// conformance tests, the .NET runtime's PAL tests) against the kernel, each
/// pinned down here: docs/SEMANTICS.md rules 41–47 name the source of each.
@Suite struct WindowsConformanceTests {
    @Test func handleTagBitsAreIgnored() {
        let (k, ids, _) = run([ScriptedBody([
            event("e"),
            .call(as: "set") { e in .setEvent(e["e"] | 1) },
            .call(as: "wait") { e in .waitForSingleObject(handle: e["e"] | 3, timeout: 0) },
            .call(as: "close") { e in .closeHandle(e["e"] | 2) },
            .call(as: "again") { e in .setEvent(e["e"]) },
        ])])
        let s = k.script(ids[0])
        #expect(s.v("set") == 1)
        #expect(s.v("wait") == UInt64(Win32.WAIT_OBJECT_0))
        #expect(s.v("close") == 1)
        #expect(s.v("again") == 0 && s.err("again") == Win32.ERROR_INVALID_HANDLE)
    }

    @Test func waitForMultipleObjectsRefusesPseudoHandles() {
        for pseudo in [Win32.currentThreadPseudoHandle, Win32.currentProcessPseudoHandle] {
            let (k, ids, _) = run([ScriptedBody([
                event("e", set: true),
                .write { m, env in
                    try? m.storeUInt64(env["e"], at: array)
                    try? m.storeUInt64(pseudo, at: array + 8)
                },
                .call(.waitForMultipleObjects(count: 2, handles: array, waitAll: false, timeout: 0), as: "wfmo"),
                .call(.waitForSingleObject(handle: Win32.currentProcessPseudoHandle, timeout: 0), as: "single"),
            ])])
            let s = k.script(ids[0])
            #expect(s.v("wfmo") == UInt64(Win32.WAIT_FAILED) && s.err("wfmo") == Win32.ERROR_INVALID_HANDLE)
            // WaitForSingleObject still takes them: the process is not signaled.
            #expect(s.v("single") == UInt64(Win32.WAIT_TIMEOUT))
        }
    }

    @Test func getQueuedCompletionStatusExReportsOneEntryOnTimeoutAndAPC() {
        let removed = TestMachine.out(3)
        let entries = TestMachine.overlapped(4)
        let (k, ids, _) = run([ScriptedBody([
            .call(.createIoCompletionPort(file: Win32.INVALID_HANDLE_VALUE, existingPort: 0, key: 0, concurrency: 1), as: "port"),
            .write { m, _ in try? m.storeUInt32(0xDEAD, at: removed) },
            .call(as: "timeout") { e in
                .getQueuedCompletionStatusEx(port: e["port"], entries: entries, count: 4, removedOut: removed, timeout: 0, alertable: false)
            },
            .load("afterTimeout", from: removed),
            .write { m, _ in try? m.storeUInt32(0xDEAD, at: removed) },
            .call(.queueUserAPC(routine: routine, thread: Win32.currentThreadPseudoHandle, data: 1), as: "q"),
            .call(as: "apc") { e in
                .getQueuedCompletionStatusEx(port: e["port"], entries: entries, count: 4, removedOut: removed, timeout: INF, alertable: true)
            },
            .load("afterAPC", from: removed),
        ], apcRoutines: [routine: []])])
        let s = k.script(ids[0])
        #expect(s.v("timeout") == 0 && s.err("timeout") == Win32.WAIT_TIMEOUT)
        #expect(s.v("afterTimeout") == 1)
        #expect(s.v("apc") == 0 && s.err("apc") == UInt32(Win32.WAIT_IO_COMPLETION))
        #expect(s.v("afterAPC") == 1)
    }

    @Test func reOpenFileRefusesAttributeBits() {
        let (k, ids, _) = run([ScriptedBody([
            open(),
            .call(as: "attr") { e in .reOpenFile(handle: e["h"], access: R, shareMode: SHARE_ALL, flags: Win32.FILE_ATTRIBUTE_NORMAL) },
            .call(as: "flags") { e in .reOpenFile(handle: e["h"], access: R, shareMode: SHARE_ALL, flags: OVL) },
        ])])
        let s = k.script(ids[0])
        #expect(s.v("attr") == Win32.INVALID_HANDLE_VALUE && s.err("attr") == Win32.ERROR_INVALID_PARAMETER)
        #expect(s.v("flags") != Win32.INVALID_HANDLE_VALUE)
    }

    @Test func executeAccessCountsAsReadingInShareChecks() {
        let FILE_EXECUTE: UInt32 = 0x20, GENERIC_EXECUTE: UInt32 = 0x2000_0000
        let (k, ids, _) = run([ScriptedBody([
            open("x", access: FILE_EXECUTE, share: Win32.FILE_SHARE_WRITE),
            // A reader must be shared read by the executing open: it is not.
            open("r", access: R, share: SHARE_ALL),
            // An open that refuses read sharing conflicts with the execute access.
            open("deny", access: W, share: Win32.FILE_SHARE_WRITE),
            .call(as: "close") { e in .closeHandle(e["x"]) },
            open("r2", access: R, share: SHARE_ALL),
            open("gx", access: GENERIC_EXECUTE, share: SHARE_ALL),
            open("deny2", access: W, share: Win32.FILE_SHARE_WRITE),
        ])])
        let s = k.script(ids[0])
        #expect(s.v("x") != Win32.INVALID_HANDLE_VALUE)
        #expect(s.v("r") == Win32.INVALID_HANDLE_VALUE && s.err("r") == Win32.ERROR_SHARING_VIOLATION)
        #expect(s.v("deny") == Win32.INVALID_HANDLE_VALUE && s.err("deny") == Win32.ERROR_SHARING_VIOLATION)
        #expect(s.v("r2") != Win32.INVALID_HANDLE_VALUE)
        #expect(s.v("gx") != Win32.INVALID_HANDLE_VALUE)
        #expect(s.v("deny2") == Win32.INVALID_HANDLE_VALUE && s.err("deny2") == Win32.ERROR_SHARING_VIOLATION)
    }

    @Test func writeFileWithNullBufferIsAnInvalidUserBuffer() {
        let (k, ids, _) = run([ScriptedBody([
            open(access: W),
            write("null", buffer: 0),
            write("empty", length: 0, buffer: 0),
        ])])
        let s = k.script(ids[0])
        #expect(s.v("null") == 0 && s.err("null") == Win32.ERROR_INVALID_USER_BUFFER)
        #expect(s.v("empty") == 1)
    }

    @Test func unassociatedAlertableDequeueRunsTheAPCAndLeavesThePacket() {
        let entries = TestMachine.overlapped(4)
        let removed = TestMachine.out(3)
        let (k, ids, _) = run([ScriptedBody([
            .call(.createIoCompletionPort(file: Win32.INVALID_HANDLE_VALUE, existingPort: 0, key: 0, concurrency: 1), as: "port"),
            .call(as: "post") { e in .postQueuedCompletionStatus(port: e["port"], bytes: 7, key: 9, overlapped: 0) },
            .call(.queueUserAPC(routine: routine, thread: Win32.currentThreadPseudoHandle, data: 1), as: "q"),
            .call(as: "first") { e in
                .getQueuedCompletionStatusEx(port: e["port"], entries: entries, count: 4, removedOut: removed, timeout: INF, alertable: true)
            },
            .check { env, _ in _ = env },
            // Now associated by this call: the packet is still there for it.
            .call(as: "second") { e in
                .getQueuedCompletionStatusEx(port: e["port"], entries: entries, count: 4, removedOut: removed, timeout: 0, alertable: true)
            },
            .load("count", from: removed),
        ], apcRoutines: [routine: []])])
        let s = k.script(ids[0])
        #expect(s.v("first") == 0 && s.err("first") == UInt32(Win32.WAIT_IO_COMPLETION))
        #expect(s.apcCalls.count == 1)
        #expect(s.v("second") == 1 && s.v("count") == 1)
    }

    @Test func associatedAlertableDequeueTakesThePacketFirst() {
        let entries = TestMachine.overlapped(4)
        let removed = TestMachine.out(3)
        let (k, ids, _) = run([ScriptedBody([
            .call(.createIoCompletionPort(file: Win32.INVALID_HANDLE_VALUE, existingPort: 0, key: 0, concurrency: 1), as: "port"),
            // An empty poll associates the thread with the port.
            .call(as: "poll") { e in
                .getQueuedCompletionStatusEx(port: e["port"], entries: entries, count: 4, removedOut: removed, timeout: 0, alertable: false)
            },
            .call(as: "post") { e in .postQueuedCompletionStatus(port: e["port"], bytes: 7, key: 9, overlapped: 0) },
            .call(.queueUserAPC(routine: routine, thread: Win32.currentThreadPseudoHandle, data: 1), as: "q"),
            .call(as: "take") { e in
                .getQueuedCompletionStatusEx(port: e["port"], entries: entries, count: 4, removedOut: removed, timeout: INF, alertable: true)
            },
        ], apcRoutines: [routine: []])])
        let s = k.script(ids[0])
        #expect(s.v("take") == 1)
        #expect(s.apcCalls.isEmpty)
    }
}
