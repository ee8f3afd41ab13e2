@testable import AppCore
import SimKernel
import SimRuntime

/// Computes the timed changes of a scripted run and applies them in time
/// order to build frames. Timings are fixed numbers so runs are identical.
struct DemoBuilder {
    let method: DemoSimulation.Method
    let requests: Int
    var frames: [DemoScript.Frame] = []
    var log: [LogEntry] = []
    private var changes: [(time: UInt64, order: Int, apply: @Sendable (inout MachineView) -> (Int?, String))] = []
    private var machine = MachineView()

    static let latencies: [UInt64] = [420, 260, 610, 330, 510, 280, 450, 390]
    static let handling: UInt64 = 40
    static let wake: UInt64 = 8
    static let blockSize: UInt64 = 65536

    let fileRef = ObjectRef(id: 10, kind: .file, label: "hFile")
    let portRef = ObjectRef(id: 20, kind: .port, label: "hPort")

    init(method: DemoSimulation.Method, requests: Int) {
        self.method = method
        self.requests = requests
    }

    var fileName: String {
        ["method1-device.c", "method2-event.c", "method3-alertable.c", "method4-iocp.c"][method.rawValue]
    }

    var source: SourceFile { SourceFile(name: fileName, text: DemoSources.text(for: method)) }

    func at(_ line: Int, _ function: String = "main") -> [CodeLocation] {
        [CodeLocation(file: fileName, line: line, column: 5, function: function)]
    }

    func latency(_ i: Int) -> UInt64 { DemoBuilder.latencies[i % DemoBuilder.latencies.count] }

    mutating func change(_ time: UInt64, _ apply: @escaping @Sendable (inout MachineView) -> (Int?, String)) {
        changes.append((time, changes.count, apply))
    }

    mutating func build() {
        machine = MachineView(now: 0, cpuCount: 2, cpus: [1, nil],
                              threads: [ThreadView(id: 1, name: "main", state: .running(cpu: 0), stack: at(8))],
                              files: [FileObjectView(object: fileRef, path: "data.bin", overlapped: true, noBuffering: false,
                                                     signaled: true, position: 0, port: nil, key: nil,
                                                     notificationModes: 0, handles: [4])])
        machine.counters.cpuBusy = [0, 0]
        switch method {
        case .device: scriptDevice()
        case .event: scriptEvents(apc: false)
        case .alertable: scriptEvents(apc: true)
        case .port: scriptPort()
        }
        frames.append(.init(machine: machine, logCount: 0))
        let ordered = changes.sorted { ($0.time, $0.order) < ($1.time, $1.order) }
        var previous: UInt64 = 0
        for entry in ordered {
            // CPU time accrues for running threads between changes.
            let running = machine.threads.filter { if case .running = $0.state { return true } else { return false } }.count
            let elapsed = entry.time - previous
            for cpu in 0..<min(running, machine.counters.cpuBusy.count) { machine.counters.cpuBusy[cpu] += elapsed }
            previous = entry.time
            machine.now = entry.time
            let (thread, text) = entry.apply(&machine)
            machine.counters.kernelEvents += 1
            log.append(LogEntry(time: entry.time, thread: thread, action: "note", result: "",
                                text: "t=\(DemoBuilder.ms(entry.time)) \(thread.map { $0 == 1 ? "main" : "T\($0)" } ?? "dev") \(text)"))
            frames.append(.init(machine: machine, logCount: log.count))
        }
    }

    static func ms(_ us: UInt64) -> String {
        let frac = String(us % 1000)
        return "\(us / 1000).\(String(repeating: "0", count: 3 - frac.count))\(frac)"
    }

    // MARK: shared changes

    mutating func issue(_ i: Int, at time: UInt64, line: Int, call: String, event: Bool) {
        let file = fileRef
        let loc = at(line)
        let lat = latency(i)
        change(time) { m in
            m.setThread(1, .running(cpu: 0), stack: loc)
            m.requests.append(IORequestView(id: i, thread: 1, file: file, operation: .read, offset: UInt64(i) * DemoBuilder.blockSize,
                                            length: UInt32(DemoBuilder.blockSize), overlapped: 0x1000 + UInt64(i) * 32,
                                            issuedAt: time, completesAt: time + lat))
            m.counters.requestsIssued += 1
            if let index = m.files.firstIndex(where: { $0.object.id == file.id }) { m.files[index].signaled = false }
            if event, let e = m.events.firstIndex(where: { $0.object.id == 100 + i }) { m.events[e].signaled = false }
            return (1, "\(call) off=\(UInt64(i) * DemoBuilder.blockSize) -> pending")
        }
    }

    mutating func complete(_ i: Int, at time: UInt64, setEvent: Bool, apcTo: Int?, packet: Bool) {
        let file = fileRef
        change(time) { m in
            m.requests.removeAll { $0.id == i }
            m.counters.requestsCompleted += 1
            if let index = m.files.firstIndex(where: { $0.object.id == file.id }) { m.files[index].signaled = true }
            if setEvent, let e = m.events.firstIndex(where: { $0.object.id == 100 + i }) { m.events[e].signaled = true }
            if let thread = apcTo, let t = m.threads.firstIndex(where: { $0.id == thread }) {
                m.threads[t].apcQueue.append(APCView(kind: .completionRoutine, routine: 0x4000, routineName: "ReadDone",
                                                     bytes: UInt32(DemoBuilder.blockSize)))
            }
            if packet, !m.ports.isEmpty {
                m.ports[0].queue.append(PacketView(bytes: UInt32(DemoBuilder.blockSize), key: 1,
                                                   overlapped: 0x1000 + UInt64(i) * 32, status: 0, posted: false))
            }
            return (nil, "read #\(i) complete")
        }
    }

    // MARK: method 1: one request at a time, wait on the file handle

    mutating func scriptDevice() {
        var t: UInt64 = 20
        let file = fileRef
        for i in 0..<requests {
            issue(i, at: t, line: 14, call: "ReadFile", event: false)
            let waitLoc = at(16)
            change(t + 10) { m in
                m.setThread(1, .waiting(WaitView(reason: .objects([file], waitAll: false), alertable: false, deadline: nil,
                                                 call: "WaitForSingleObject")), stack: waitLoc)
                return (1, "WaitForSingleObject(hFile) -> blocks")
            }
            let done = t + 10 + latency(i)
            complete(i, at: done, setEvent: false, apcTo: nil, packet: false)
            wakeAndHandle(thread: 1, at: done + DemoBuilder.wake, completedAt: done, line: 18, text: "WAIT_OBJECT_0: some request on hFile finished")
            t = done + DemoBuilder.wake + DemoBuilder.handling
        }
        finish(at: t)
    }

    // MARK: methods 2 and 3: everything in flight, one thread handles completions

    mutating func scriptEvents(apc: Bool) {
        if apc {
            machine.threads.append(ThreadView(id: 2, name: "T2", state: .waiting(WaitView(reason: .sleep, alertable: false, deadline: nil, call: "Sleep")),
                                              stack: at(30, "idle")))
        } else {
            machine.events = (0..<requests).map { i in
                EventView(object: ObjectRef(id: 100 + i, kind: .event, label: "hEvent[\(i)]"), manualReset: true, signaled: false)
            }
        }
        var issued: [UInt64] = []
        for i in 0..<requests {
            let time = 20 + UInt64(i) * 15
            issue(i, at: time, line: 14, call: apc ? "ReadFileEx" : "ReadFile", event: !apc)
            issued.append(time)
        }
        var free = 20 + UInt64(requests) * 15
        let waitLine = apc ? 18 : 17
        let events = (0..<requests).map { ObjectRef(id: 100 + $0, kind: .event, label: "hEvent[\($0)]") }
        let waitView = apc
            ? WaitView(reason: .sleep, alertable: true, deadline: nil, call: "SleepEx")
            : WaitView(reason: .objects(events, waitAll: false), alertable: false, deadline: nil, call: "WaitForMultipleObjects")
        let order = (0..<requests).sorted { (issued[$0] + latency($0), $0) < (issued[$1] + latency($1), $1) }
        var waiting = false
        for i in order {
            let done = issued[i] + latency(i)
            complete(i, at: done, setEvent: !apc, apcTo: apc ? 1 : nil, packet: false)
            if done > free, !waiting {
                let loc = at(waitLine)
                change(free) { m in
                    m.setThread(1, .waiting(waitView), stack: loc)
                    return (1, apc ? "SleepEx(INFINITE, TRUE) -> blocks (alertable)" : "WaitForMultipleObjects -> blocks")
                }
                waiting = true
            }
            let start = done > free ? done + DemoBuilder.wake : free + 2
            let index = i
            let handleLoc = apc ? at(24, "ReadDone") + at(waitLine) : at(20)
            let wasWaiting = done > free
            change(start) { m in
                if wasWaiting { m.counters.wakeups += 1; m.counters.contextSwitches += 1 }
                m.setThread(1, .running(cpu: 0), stack: handleLoc)
                if apc, let t = m.threads.firstIndex(where: { $0.id == 1 }) {
                    if !m.threads[t].apcQueue.isEmpty { m.threads[t].apcQueue.removeFirst() }
                    m.threads[t].inAPC = true
                } else if let e = m.events.firstIndex(where: { $0.object.id == 100 + index }) {
                    m.events[e].signaled = false
                }
                m.counters.handledCompletions += 1
                m.counters.handlingLatencyTotal += start - done
                return (1, apc ? "ReadDone(#\(index)) runs as an APC" : "WaitForMultipleObjects -> WAIT_OBJECT_0+\(index)")
            }
            free = start + DemoBuilder.handling
            waiting = false
            if apc {
                change(free) { m in
                    if let t = m.threads.firstIndex(where: { $0.id == 1 }) { m.threads[t].inAPC = false }
                    return (1, "SleepEx -> WAIT_IO_COMPLETION")
                }
            }
        }
        finish(at: free + 5)
    }

    // MARK: method 4: a pool of two threads on a completion port

    mutating func scriptPort() {
        let port = portRef
        let file = fileRef
        machine.ports = [PortView(object: port, devices: [.init(file: file, key: 1)], queue: [], waiting: [], released: [1],
                                  paused: [], running: 1, limit: 2, closed: false)]
        machine.files[0].port = port.id
        machine.files[0].key = 1
        for worker in [2, 3] {
            machine.threads.append(ThreadView(id: worker, name: "W\(worker - 1)", state: .ready, stack: at(26, "worker"),
                                              associatedPort: port.id))
        }
        let gqcs = WaitView(reason: .completionPort(port), alertable: false, deadline: nil, call: "GetQueuedCompletionStatus")
        for (offset, worker) in [2, 3].enumerated() {
            let loc = at(27, "worker")
            change(12 + UInt64(offset) * 3) { m in
                m.setThread(worker, .waiting(gqcs), stack: loc)
                m.ports[0].waiting.insert(worker, at: 0)
                return (worker, "GetQueuedCompletionStatus -> blocks")
            }
        }
        var issued: [UInt64] = []
        for i in 0..<requests {
            let time = 20 + UInt64(i) * 15
            issue(i, at: time, line: 16, call: "ReadFile", event: false)
            issued.append(time)
        }
        let doneEvent = ObjectRef(id: 30, kind: .event, label: "hDone")
        let mainLoc = at(19)
        change(20 + UInt64(requests) * 15) { m in
            m.setThread(1, .waiting(WaitView(reason: .objects([doneEvent], waitAll: false), alertable: false, deadline: nil,
                                             call: "WaitForSingleObject")), stack: mainLoc)
            m.ports[0].released.removeAll { $0 == 1 }
            m.ports[0].running = max(0, m.ports[0].running - 1)
            return (1, "WaitForSingleObject(hDone) -> blocks")
        }
        // Worker availability: (free time, time it started waiting); LIFO picks the latest waiter.
        var workers: [(id: Int, free: UInt64, since: UInt64)] = [(2, 12, 12), (3, 15, 15)]
        let order = (0..<requests).sorted { (issued[$0] + latency($0), $0) < (issued[$1] + latency($1), $1) }
        var lastEnd: UInt64 = 0
        for i in order {
            let done = issued[i] + latency(i)
            complete(i, at: done, setEvent: false, apcTo: nil, packet: true)
            let idle = workers.indices.filter { workers[$0].free <= done }
            let pick: Int
            let start: UInt64
            if let latest = idle.max(by: { (workers[$0].since, workers[$0].id) < (workers[$1].since, workers[$1].id) }) {
                pick = latest
                start = done + DemoBuilder.wake
            } else {
                pick = workers.indices.min { (workers[$0].free, workers[$0].id) < (workers[$1].free, workers[$1].id) } ?? 0
                start = workers[pick].free + 1
            }
            let worker = workers[pick].id
            let woke = workers[pick].free <= done
            let handleLoc = at(29, "worker")
            let index = i
            change(start) { m in
                if woke { m.counters.wakeups += 1; m.counters.contextSwitches += 1 }
                m.setThread(worker, .running(cpu: worker - 2), stack: handleLoc)
                if !m.ports[0].queue.isEmpty { m.ports[0].queue.removeFirst() }
                m.ports[0].waiting.removeAll { $0 == worker }
                if !m.ports[0].released.contains(worker) { m.ports[0].released.append(worker) }
                m.ports[0].running = m.ports[0].released.count
                m.counters.handledCompletions += 1
                m.counters.handlingLatencyTotal += start - done
                return (worker, "GetQueuedCompletionStatus -> TRUE, read #\(index)")
            }
            let end = start + DemoBuilder.handling
            let waitLoc = at(27, "worker")
            change(end) { m in
                m.setThread(worker, .waiting(gqcs), stack: waitLoc)
                m.ports[0].released.removeAll { $0 == worker }
                m.ports[0].waiting.insert(worker, at: 0)
                m.ports[0].running = m.ports[0].released.count
                return (worker, "GetQueuedCompletionStatus -> blocks")
            }
            workers[pick].free = end
            workers[pick].since = end
            lastEnd = max(lastEnd, end)
        }
        let endLoc = at(21)
        change(lastEnd + 3) { m in
            m.setThread(1, .running(cpu: 0), stack: endLoc)
            m.counters.wakeups += 1
            return (1, "WaitForSingleObject(hDone) -> WAIT_OBJECT_0")
        }
        change(lastEnd + 6) { m in
            for worker in [2, 3] { m.setThread(worker, .terminated(exitCode: 0), stack: []) }
            m.ports[0].waiting = []
            m.ports[0].closed = true
            return (1, "CloseHandle(hPort): workers exit")
        }
        finish(at: lastEnd + 10)
    }

    mutating func wakeAndHandle(thread: Int, at time: UInt64, completedAt: UInt64, line: Int, text: String) {
        let loc = at(line)
        change(time) { m in
            m.setThread(thread, .running(cpu: 0), stack: loc)
            m.counters.wakeups += 1
            m.counters.contextSwitches += 1
            m.counters.handledCompletions += 1
            m.counters.handlingLatencyTotal += time - completedAt
            return (thread, text)
        }
    }

    mutating func finish(at time: UInt64) {
        change(time) { m in
            m.setThread(1, .terminated(exitCode: 0), stack: [])
            for index in m.threads.indices { m.threads[index].state = .terminated(exitCode: 0) }
            m.cpus = Array(repeating: nil, count: m.cpuCount)
            return (1, "main returns 0")
        }
    }
}
