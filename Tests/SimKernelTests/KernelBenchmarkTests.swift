import Foundation
import Testing
import SimKernel
import SimKernelTestSupport

/// A minimal body: create an event, then set it and wait on it in a loop.
struct PingBody: ThreadBody {
    var phase = 0
    var rounds = 0
    var event: UInt64 = 0
    let limit: Int
    var stack: [CodeLocation] { [] }
    mutating func step(_ input: ThreadInput, context: inout ThreadContext) -> ThreadStep {
        if case .resume(let r) = input, phase == 1, event == 0 { event = r.value }
        switch phase {
        case 0: phase = 1; return .call(.createEvent(manualReset: false, initialState: false))
        case 1: phase = 2; return .call(.setEvent(event))
        case 2: phase = 3; return .call(.waitForSingleObject(handle: event, timeout: Win32.INFINITE))
        default:
            rounds += 1
            if rounds >= limit { return .exited(0) }
            phase = 1
            return .computed(3)
        }
    }
}

/// Throughput checks, run only with OVERLAPPED_BENCH=1 (use a release build:
/// `OVERLAPPED_BENCH=1 swift test -c release --filter KernelBenchmarkTests`).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["OVERLAPPED_BENCH"] == "1"))
struct KernelBenchmarkTests {
    @Test func kernelEventsPerSecond() {
        var c = config()
        c.tracing = false
        var k = Kernel(configuration: c)
        let p = k.createProcess(name: "bench", memory: TestMachine.memory())
        for _ in 0 ..< 200 { k.createThread(process: p, body: PingBody(limit: 2000)) }
        let start = Date()
        _ = k.run()
        let seconds = Date().timeIntervalSince(start)
        let events = k.view().counters.kernelEvents
        print("BENCH kernel events: \(events) in \(seconds)s = \(Int(Double(events) / seconds))/s; services: \(200 * 4000)")
    }

    @Test func tenThousandThreadsWithHundredThousandRequests() {
        var c = config(latency: 2000)
        c.tracing = false
        var bodies: [ScriptedBody] = []
        for t in 0 ..< 10_000 {
            var steps: [Step] = []
            if t == 0 {
                steps.append(open("h", flags: OVL | Win32.FILE_FLAG_NO_BUFFERING))
                steps.append(.call(.sleep(milliseconds: 1)))
            } else {
                steps.append(.call(.sleep(milliseconds: 1)))
                steps.append(.set("h") { _, _ in 4 })
            }
            for i in 0 ..< 10 {
                let ov = TestMachine.base + 0x20_0000 + UInt64(t * 10 + i) * 32
                steps.append(.write { m, _ in try? m.fill(0, at: ov, count: 32); try? m.storeUInt32(UInt32(i * 512), at: ov + 16) })
                steps.append(.call(as: "r") { e in .readFile(handle: e["h"], buffer: buf, length: 512, bytesOut: 0, overlapped: ov) })
            }
            steps.append(.call(.sleepEx(milliseconds: INF, alertable: true)))
            bodies.append(ScriptedBody(steps))
        }
        var (k, _) = TestMachine.kernel(c, memorySize: 8 << 20, bodies: bodies)
        var start = Date()
        _ = k.run(until: 200_000)
        print("BENCH setup run to 200ms: \(Date().timeIntervalSince(start))s, outstanding \(k.view().requests.count)")
        start = Date()
        _ = k.run(until: k.now + 16_000)
        let stepTime = Date().timeIntervalSince(start)
        start = Date()
        let v = k.view()
        let viewTime = Date().timeIntervalSince(start)
        start = Date()
        let capped = k.view(maxRequests: 200)
        let cappedTime = Date().timeIntervalSince(start)
        print("BENCH view(maxRequests: 200): \(cappedTime * 1000)ms, \(capped.requests.count) requests")
        print("BENCH 16ms of virtual time: \(stepTime * 1000)ms wall; view(): \(viewTime * 1000)ms; threads \(v.threads.count), requests \(v.requests.count)")
    }
}
