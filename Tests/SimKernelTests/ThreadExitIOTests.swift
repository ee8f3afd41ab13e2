import SimKernel
import SimKernelTestSupport
import Testing

/// A thread's outstanding I/O when it exits: NT cancels it (IoCancelThreadIo)
/// unless the file object is associated with a completion port.
@Suite struct ThreadExitIOTests {
    /// A worker that issues two overlapped reads (the second queued behind
    /// the first on a one-request disk) and exits at once.
    private func issuerThenExit(associate: Bool) -> ScriptedBody {
        var steps: [Step] = [open(flags: OVL)]
        if associate {
            steps.append(.call(as: "port") { e in .createIoCompletionPort(file: e["h"], existingPort: 0, key: 1, concurrency: 0) })
        }
        steps += [
            .overlapped(0, offset: 0), read("r0", ov: ov0),
            .overlapped(1, offset: 8192), read("r1", ov: ov1),
            .exit(0),
        ]
        return ScriptedBody(steps)
    }

    private func internalStatus(_ k: Kernel, _ ov: UInt64) -> UInt32? {
        guard var memory = k.memory(of: 0) else { return nil }
        return try? memory.loadUInt32(ov)
    }

    @Test func threadExitCancelsItsQueuedRequestsAndTheOneInServiceCompletes() {
        let (k, _, status) = run([issuerThenExit(associate: false)], config: config(parallel: 1))
        #expect(status == .finished(exitCode: 0))
        #expect(internalStatus(k, ov0) == 0)                            // in service: too late to cancel
        #expect(internalStatus(k, ov1) == Win32.STATUS_CANCELLED)       // queued: cancelled at exit
        let cancels = k.trace.filter { $0.name == "cancel" }.map(\.detail)
        #expect(cancels.count == 2 && cancels[0].hasSuffix("too late"))
    }

    @Test func threadExitLeavesRequestsOnAPortAssociatedFileAlone() {
        let (k, _, status) = run([issuerThenExit(associate: true)], config: config(parallel: 1))
        #expect(status == .finished(exitCode: 0))
        #expect(internalStatus(k, ov0) == 0 && internalStatus(k, ov1) == 0)
        #expect(k.trace.filter { $0.name == "cancel" }.isEmpty)
        // Both complete (the port itself closed with the process, which held its only handle).
        #expect(k.trace.filter { $0.action == .ioComplete }.count == 2)
    }
}
