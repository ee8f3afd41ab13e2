import Testing
import SimKernel
import SimKernelTestSupport

/// Nothing a program passes may crash the kernel: random services with
/// edge-case arguments only ever fail with an error code.
@Suite struct RobustnessTests {
    static func randomService(_ r: inout SplitMix64) -> Service {
        let edges: [UInt64] = [0, 1, 4, 8, 12, 16, 0x10, 0xFFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFE,
                               0xFFFF_FFFF_FFFF_FFF0, TestMachine.base, TestMachine.base + 0x3F_FFF8, 1 << 63]
        func v() -> UInt64 { r.next() % 3 == 0 ? r.next() : edges[Int(r.next() % UInt64(edges.count))] }
        func d() -> UInt32 { UInt32(truncatingIfNeeded: v()) }
        func small() -> UInt32 { UInt32(r.next() % 5) }
        switch r.next() % 30 {
        case 0: return .createFile(path: r.next() % 2 == 0 ? "data.bin" : "f\(r.next() % 3)", access: d(), shareMode: small(),
                                   disposition: small(), flags: d(), template: v())
        case 1: return .readFile(handle: v(), buffer: v(), length: d(), bytesOut: v(), overlapped: v())
        case 2: return .writeFile(handle: v(), buffer: v(), length: d(), bytesOut: v(), overlapped: v())
        case 3: return .readFileEx(handle: v(), buffer: v(), length: d(), overlapped: v(), routine: v())
        case 4: return .getOverlappedResultEx(handle: v(), overlapped: v(), bytesOut: v(), timeout: small(), alertable: true)
        case 5: return .cancelIoEx(handle: v(), overlapped: v())
        case 6: return .setFilePointerEx(handle: v(), distance: Int64(bitPattern: v()), newPositionOut: v(), method: small())
        case 7: return .setEndOfFile(handle: v())
        case 8: return .closeHandle(v())
        case 9: return .duplicateHandle(sourceProcess: v(), source: v(), targetProcess: v(), targetOut: v(), access: 0, inherit: false, options: small())
        case 10: return .createEvent(manualReset: r.next() % 2 == 0, initialState: r.next() % 2 == 0)
        case 11: return .setEvent(v())
        case 12: return .releaseSemaphore(handle: v(), count: Int32(truncatingIfNeeded: v()), previousOut: v())
        case 13: return .createSemaphore(initial: Int32(truncatingIfNeeded: v()), maximum: Int32(truncatingIfNeeded: v()))
        case 14: return .waitForSingleObjectEx(handle: v(), timeout: small(), alertable: r.next() % 2 == 0)
        case 15: return .waitForMultipleObjectsEx(count: d(), handles: v(), waitAll: r.next() % 2 == 0, timeout: small(), alertable: true)
        case 16: return .signalObjectAndWait(signal: v(), wait: v(), timeout: small(), alertable: true)
        case 17: return .queueUserAPC(routine: v(), thread: v(), data: v())
        case 18: return .createIoCompletionPort(file: v(), existingPort: v(), key: v(), concurrency: d())
        case 19: return .getQueuedCompletionStatus(port: v(), bytesOut: v(), keyOut: v(), overlappedOut: v(), timeout: small())
        case 20: return .getQueuedCompletionStatusEx(port: v(), entries: v(), count: d(), removedOut: v(), timeout: small(), alertable: true)
        case 21: return .postQueuedCompletionStatus(port: v(), bytes: d(), key: v(), overlapped: v())
        case 22: return .getExitCodeThread(handle: v(), codeOut: v())
        case 23: return .releaseMutex(v())
        case 24: return .createMutex(initialOwner: r.next() % 2 == 0)
        case 25: return .sleepEx(milliseconds: small(), alertable: true)
        case 26: return .getFileSizeEx(handle: v(), sizeOut: v())
        case 27: return .setFileCompletionNotificationModes(handle: v(), flags: UInt8(truncatingIfNeeded: v()))
        case 28: return .queryPerformanceCounter(out: v())
        default: return .reOpenFile(handle: v(), access: d(), shareMode: small(), flags: d())
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func randomServicesNeverCrashTheKernel(seed: UInt64) {
        var r = SplitMix64(seed: seed)
        var steps: [Step] = []
        for _ in 0 ..< 1500 { steps.append(.call(RobustnessTests.randomService(&r))) }
        var c = config()
        c.tracing = seed % 2 == 0
        var (k, ids) = TestMachine.kernel(c, bodies: [ScriptedBody(steps), ScriptedBody(steps.reversed())])
        let status = k.run(until: 60_000_000)
        switch status {
        case .faulted: Issue.record("unexpected fault: \(status)")
        default: break
        }
        _ = k.view()
        _ = k.deadlockReport()
        // Every call returned (none of them can block for long).
        #expect(ids.allSatisfy { k.script($0).log.count == 1500 })
    }
}
