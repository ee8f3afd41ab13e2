import Testing
import SimKernel
import SimKernelTestSupport

/// The trace text of small scenarios, pinned line by line.
@Suite struct GoldenTraceTests {
    static func portScenario() -> Kernel {
        let (k, _, _) = run([ScriptedBody([
            open(flags: OVL),
            .call(as: "port") { e in .createIoCompletionPort(file: e["h"], existingPort: 0, key: 7, concurrency: 1) },
            spawn("worker", slot: 1, then: [.compute(200)]),
            .overlapped(0, offset: 0), read("r", ov: ov0),
            .call(.sleep(milliseconds: 2)),
            post("quit", key: 0),
        ] + gqcs("own"))])
        return k
    }

    static func alertableScenario() -> Kernel {
        let routine: UInt64 = 0x4000_1000
        var (k, _) = TestMachine.kernel(config(), bodies: [ScriptedBody([
            open(flags: OVL),
            .overlapped(0, offset: 0), .call(as: "r0") { e in .readFileEx(handle: e["h"], buffer: buf, length: 4096, overlapped: ov0, routine: routine) },
            .overlapped(1, offset: fileSize), .call(as: "r1") { e in .readFileEx(handle: e["h"], buffer: buf, length: 4096, overlapped: ov1, routine: routine) },
            .call(.sleep(milliseconds: 2)),
            .call(.sleepEx(milliseconds: INF, alertable: true), as: "s"),
        ], apcRoutines: [routine: [.compute(50), .call(.note("in routine"))]])])
        k.nameRoutine(at: routine, "ReadDone")
        _ = k.run()
        return k
    }

    @Test func alertableScenarioTrace() {
        let text = GoldenTraceTests.alertableScenario().trace.text
        #expect(text == GoldenTraceTests.expectedAlertable)
    }

    static let expectedAlertable = """
        t=0us -- threadCreated main tid=1
        t=5us T1 CreateFile "data.bin" access=0x80000000 share=7 disp=3 flags=0x40000000 -> h=0x4
        t=6us T1 ReadFileEx h=0x4 off=0 ov=0x100000 len=4096 routine=ReadDone(0x40001000) -> 1
        t=6us T1 ioStart disk req=1 read off=0 len=4096 -> done at 1006us
        t=7us T1 ReadFileEx h=0x4 off=1048576 ov=0x100040 len=4096 routine=ReadDone(0x40001000) -> 1
        t=7us T1 ioStart file system req=2 at end of file
        t=8us T1 Sleep 2ms -> blocks
        t=27us -- ioComplete read req=2 for T1 off=1048576 bytes=0 -> STATUS_END_OF_FILE
        t=27us -- apcQueued completion routine for T1 routine=ReadDone(0x40001000)
        t=1006us -- ioComplete read req=1 for T1 off=0 bytes=4096 -> STATUS_SUCCESS
        t=1006us -- apcQueued completion routine for T1 routine=ReadDone(0x40001000)
        t=2008us T1 Sleep -> woke
        t=2008us T1 SleepEx INFINITE alertable=true -> runs APCs
        t=2008us T1 apcRun completion routine routine=ReadDone(0x40001000) args=38,0,1048640
        t=2058us T1 SimNote in routine
        t=2059us T1 apcReturn APC
        t=2059us T1 apcRun completion routine routine=ReadDone(0x40001000) args=0,4096,1048576
        t=2109us T1 SimNote in routine
        t=2110us T1 apcReturn APC
        t=2110us T1 SleepEx -> WAIT_IO_COMPLETION
        t=2110us T1 threadExited main code=0

        """

    @Test func completionPortScenarioTrace() {
        let text = GoldenTraceTests.portScenario().trace.text
        #expect(text == GoldenTraceTests.expectedPort)
    }

    static let expectedPort = """
        t=0us -- threadCreated main tid=1
        t=5us T1 CreateFile "data.bin" access=0x80000000 share=7 disp=3 flags=0x40000000 -> h=0x4
        t=6us T1 CreateIoCompletionPort file=0x4 port=0x0 key=7 concurrency=1 -> h=0x8
        t=7us T1 CreateThread worker -> h=0xC
        t=7us T1 threadCreated worker tid=2
        t=8us T1 ReadFile h=0x4 off=0 ov=0x100000 len=4096 -> pending
        t=8us T1 ioStart disk req=1 read off=0 len=4096 -> done at 1008us
        t=9us T1 Sleep 2ms -> blocks
        t=12us T2 GetQueuedCompletionStatus port=0x8 timeout=INFINITE -> blocks
        t=1008us -- ioComplete read req=1 for T1 off=0 bytes=4096 -> STATUS_SUCCESS
        t=1008us -- packetQueued Port#4 key=7 bytes=4096 ov=0x100000 -> STATUS_SUCCESS
        t=1008us T2 packetDequeued GetQueuedCompletionStatus key=7 bytes=4096 ov=0x100000 -> STATUS_SUCCESS
        t=1008us T2 GetQueuedCompletionStatus -> 1
        t=1208us T2 threadExited worker code=0
        t=2009us T1 Sleep -> woke
        t=2009us T1 PostQueuedCompletionStatus port=0x8 bytes=0 key=0 ov=0x0 -> 1
        t=2009us -- packetQueued Port#4 key=0 bytes=0 ov=0x0 -> STATUS_SUCCESS
        t=2010us T1 GetQueuedCompletionStatus port=0x8 timeout=INFINITE -> 1
        t=2010us T1 packetDequeued GetQueuedCompletionStatus key=0 bytes=0 ov=0x0 -> STATUS_SUCCESS
        t=2011us T1 threadExited main code=0

        """
}
