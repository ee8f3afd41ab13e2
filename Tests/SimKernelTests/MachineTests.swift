import Testing
import SimKernel
import SimKernelTestSupport
import SimMemory

/// A pool of four workers on a port (concurrency 2) handling 32 reads that
/// complete out of order (jitter), plus an event ping-pong.
func poolScenario(seed: UInt64) -> (Kernel, [Int]) {
    var c = config(jitter: 1500)
    c.seed = seed
    var steps: [Step] = [
        open(flags: OVL),
        .call(as: "port") { e in .createIoCompletionPort(file: e["h"], existingPort: 0, key: 1, concurrency: 2) },
    ]
    for w in 0 ..< 4 {
        steps.append(.call(as: "w\(w)") { e in
            let port = e["port"]
            let body = ScriptedBody([.set("p") { _, _ in port }] + [
                .loop(times: 8, steps: gqcs("g", port: "p", slot: w + 1) + [.compute(UInt64(300 + 100 * w))]),
            ])
            return .createThread(body: body, name: "worker\(w)", threadIdOut: 0)
        })
    }
    for i in 0 ..< 32 {
        steps.append(.overlapped(i, offset: UInt64(i) * 16384))
        steps.append(read("r\(i)", buffer: buf + UInt64(i) * 16384, ov: TestMachine.overlapped(i)))
        steps.append(.compute(50))
    }
    return TestMachine.kernel(c, bodies: [ScriptedBody(steps)])
}

@Suite struct MachineTests {
    @Test func sameSeedSameTraceByteForByte() {
        var (a, _) = poolScenario(seed: 9)
        var (b, _) = poolScenario(seed: 9)
        #expect(a.run() == .finished(exitCode: 0))
        #expect(b.run() == .finished(exitCode: 0))
        #expect(a.trace.count > 200)
        #expect(a.trace.text == b.trace.text)
        var (c, _) = poolScenario(seed: 10)
        _ = c.run()
        #expect(c.trace.text != a.trace.text)   // the seed matters (disk jitter)
    }

    @Test func snapshotMidRunRestoresToTheSameRemainder() {
        var (k, _) = poolScenario(seed: 3)
        _ = k.run(until: 4000)
        let snapshot = k
        let cut = k.trace.count
        _ = k.run()
        var restored = snapshot
        _ = restored.run()
        #expect(Array(restored.trace[cut...]) == Array(k.trace[cut...]))
        #expect(restored.view() == k.view())
        #expect(restored.memory(of: 0) == k.memory(of: 0))
    }

    @Test func sixtyFourMebibyteFileCopiedThroughTheKernelIsByteIdentical() {
        let size: UInt64 = 64 << 20
        let chunk: UInt32 = 1 << 20
        var c = config(files: [InitialFile(path: "big.bin", size: size)])
        c.tracing = false
        let body = ScriptedBody([
            open("src", path: "big.bin"),
            open("dst", path: "copy.bin", access: W, disposition: Win32.CREATE_ALWAYS),
            .loop(times: Int(size / UInt64(chunk)), steps: [
                read("r", h: "src", length: chunk),
                .load("n", from: TestMachine.out(0)),
                .call(as: "w") { e in .writeFile(handle: e["dst"], buffer: buf, length: UInt32(e["n"]), bytesOut: TestMachine.out(1), overlapped: 0) },
            ]),
            read("eof", h: "src", length: chunk),
            .load("eofBytes", from: TestMachine.out(0)),
        ])
        var (k, ids) = TestMachine.kernel(c, memorySize: 4 << 20, bodies: [body])
        #expect(k.run() == .finished(exitCode: 0))
        let s = k.script(ids[0])
        #expect(s.v("eof") == 1 && s.v("eofBytes") == 0)
        #expect(k.volume.size(of: "copy.bin") == size)
        let src = k.volume.contents(of: "big.bin")!, dst = k.volume.contents(of: "copy.bin")!
        #expect(src.count == Int(size))
        #expect(src == dst)
        #expect(src[12345] == pattern("big.bin", offset: 12345, count: 1)[0])
    }

    @Test func deadlockIsReportedWithEveryBlockedThreadsWait() {
        let main = ScriptedBody([
            event("a"), event("b"),
            .call(as: "t") { e in .createThread(body: ScriptedBody([
                .call(.waitForSingleObject(handle: e["b"], timeout: INF)),
            ]), name: "other", threadIdOut: 0) },
            wait("w", "a"),
        ])
        let (_, ids, status) = run([main])
        guard case .deadlock(let report) = status else { Issue.record("no deadlock: \(status)"); return }
        #expect(report.threads.map(\.thread) == [ids[0], ids[0] + 1])
        #expect(report.threads.map(\.waiting.call) == ["WaitForSingleObjectEx", "WaitForSingleObject"])
        #expect(report.description.split(separator: "\n").count == 3)
    }

    @Test func timeSliceSharesOneCpuAndCountsContextSwitches() {
        var c = config(cpus: 1)
        c.timeSliceUs = 10_000
        c.contextSwitchUs = 5
        let busy = ScriptedBody([.compute(30_000)])
        let (k, ids, status) = run([busy, busy, busy], config: c)
        #expect(status == .finished(exitCode: 0))
        let v = k.view()
        #expect(v.counters.contextSwitches >= 9)
        #expect(v.counters.cpuBusy[0] >= 90_000)
        #expect(v.counters.peakRunnable == 3)
        #expect(ids.allSatisfy { v.thread($0)?.cpuTime == 30_000 })
        // Round robin: all three finish in the last slice round.
        let ends = k.trace.filter { $0.action == .threadExited }.map(\.time)
        #expect(ends.count == 3 && ends[2] - ends[0] <= 20_100)
    }

    @Test func cpuUsageReportsBusyShareOfTheLastHundredMilliseconds() {
        let (k, ids, _) = run([
            ScriptedBody([.compute(100_000), .call(.cpuUsage, as: "u")]),
            ScriptedBody([.call(.sleep(milliseconds: 200))]),
        ])
        let u = k.script(ids[0]).v("u")
        #expect(u >= 49 && u <= 51)
    }

    @Test func faultStopsTheMachineWithTheMessage() {
        let (_, ids, status) = run([ScriptedBody([.compute(10), .fault("division by zero")])])
        #expect(status == .faulted(thread: ids[0], message: "division by zero"))
    }

    @Test func exitProcessEndsEveryThread() {
        let main = ScriptedBody([
            .call(.createThread(body: ScriptedBody([.call(.sleep(milliseconds: INF))]), name: "sleeper", threadIdOut: 0)),
            .call(.sleep(milliseconds: 1)),
            .call(.exitProcess(code: 3)),
        ])
        let (k, _, status) = run([main])
        #expect(status == .finished(exitCode: 3))
        #expect(k.allThreadsExited)
    }

    @Test func traceLinesAreStableText() {
        let (k, _, _) = run([ScriptedBody([open(flags: OVL), .overlapped(0, offset: 65536), read("r", ov: ov0)])])
        let lines = k.trace.map(\.line)
        #expect(lines.contains("t=6us T1 ReadFile h=0x4 off=65536 ov=0x100000 len=4096 -> pending"))
        #expect(lines.contains("t=1006us -- ioComplete read req=1 for T1 off=65536 bytes=4096 -> STATUS_SUCCESS"))
    }

    @Test func viewShowsRequestsFilesAndCounters() {
        var (k, ids) = TestMachine.kernel(config(), bodies: [ScriptedBody([
            open(flags: OVL), .overlapped(0, offset: 0), read("r", ov: ov0),
            .call(.labelObject(handle: 4, label: "hFile")),
            .call(.sleep(milliseconds: 10)),
        ])])
        _ = k.run(until: 500)
        let v = k.view()
        #expect(v.requests.count == 1 && v.requests[0].completesAt == 1006 && v.requests[0].overlapped == ov0)
        #expect(v.files.first?.object.label == "hFile" && v.files.first?.handles == [4])
        #expect(v.counters.requestsIssued == 1 && v.counters.requestsCompleted == 0)
        if case .waiting(let w) = v.thread(ids[0])?.state { #expect(w.call == "Sleep" && w.deadline != nil) } else { Issue.record("not waiting") }
        _ = k.run()
        #expect(k.view().counters.requestsCompleted == 1)
        #expect(k.view().requests.isEmpty)
    }

    @Test func sparseFilesCostOnlyWhatIsWritten() {
        var content = FileContent(size: 1 << 30, patternSeed: 5)
        #expect(content.storedChunks == 0)
        content.write([1, 2, 3], at: 512 << 20)
        #expect(content.storedChunks == 1)
        #expect(content.read(offset: (512 << 20) + 1, count: 2) == [2, 3])
        let snapshot = content
        content.resize(to: 100)
        #expect(content.storedChunks == 0 && snapshot.storedChunks == 1)
        content.resize(to: 200)
        #expect(content.read(offset: 150, count: 4) == [0, 0, 0, 0])
        #expect(content.read(offset: 50, count: 1) == [FileContent.patternByte(seed: 5, offset: 50)])
    }

    @Test func aWaitSatisfiedEarlyLeavesNoTimeJumpBehind() {
        let (k, _, status) = run([ScriptedBody([
            event("ev"), event("never"),
            .call(as: "t") { e in .createThread(body: ScriptedBody([
                .call(.sleep(milliseconds: 1)), .call(.setEvent(e["ev"])),
            ]), name: nil, threadIdOut: 0) },
            wait("w", "ev", timeout: 3_600_000),   // satisfied after 1 ms; its timer is moot
            wait("stuck", "never"),
        ])])
        guard case .deadlock(let report) = status else { Issue.record("expected deadlock"); return }
        #expect(report.time < 2000)
        #expect(k.now < 2000)
    }

    @Test func traceLimitKeepsTheNewestEventsInWholeChunks() {
        func scenario(limit: Int?) -> Kernel {
            var c = config()
            c.traceLimit = limit
            var (k, _) = TestMachine.kernel(c, bodies: [ScriptedBody([
                event("e"),
                .loop(times: 3000, steps: [.call(as: "s") { e in .setEvent(e["e"]) }, wait("w", "e", timeout: 0)]),
            ])])
            _ = k.run()
            return k
        }
        let full = scenario(limit: nil), limited = scenario(limit: 100)
        #expect(full.trace.count > 6000)
        #expect(limited.trace.count >= 100 && limited.trace.count < 100 + 4096)
        #expect(limited.trace.dropped + limited.trace.count == full.trace.count)
        #expect(Array(limited.trace) == Array(full.trace.suffix(limited.trace.count)))
    }
}
