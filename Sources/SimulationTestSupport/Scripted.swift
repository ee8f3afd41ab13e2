import SimKernel
import SimRuntime

/// Small builders so a scripted machine reads like the situation it describes.
public enum Scripted {
    public static func thread(_ id: Int, _ name: String, _ state: ThreadStateView, line: Int? = nil, file: String = "prog.c",
                              apcs: Int = 0, inAPC: Bool = false) -> ThreadView {
        let stack = line.map { [CodeLocation(file: file, line: $0, column: 5, function: "main")] } ?? []
        let queue = Array(repeating: APCView(kind: .completionRoutine, routine: 0x1000, routineName: "Done"), count: apcs)
        return ThreadView(id: id, name: name, state: state, stack: stack, inAPC: inAPC, apcQueue: queue)
    }

    public static func wait(_ call: String, alertable: Bool = false) -> ThreadStateView {
        .waiting(WaitView(reason: .sleep, alertable: alertable, deadline: nil, call: call))
    }

    public static func event(_ id: Int, _ label: String, signaled: Bool) -> EventView {
        EventView(object: ObjectRef(id: id, kind: .event, label: label), manualReset: true, signaled: signaled)
    }

    public static func file(_ id: Int, _ label: String, path: String = "data.bin", signaled: Bool) -> FileObjectView {
        FileObjectView(object: ObjectRef(id: id, kind: .file, label: label), path: path, overlapped: true,
                       noBuffering: false, signaled: signaled, position: 0, port: nil, key: nil,
                       notificationModes: 0, handles: [4])
    }

    public static func port(_ id: Int, _ label: String, queued: Int = 0, waiting: [Int] = [], released: [Int] = [],
                            paused: [Int] = [], running: Int = 0, limit: Int = 2) -> PortView {
        let packet = PacketView(bytes: 512, key: 1, overlapped: 0x2000, status: 0, posted: false)
        return PortView(object: ObjectRef(id: id, kind: .port, label: label), devices: [],
                        queue: Array(repeating: packet, count: queued), waiting: waiting, released: released,
                        paused: paused, running: running, limit: limit, closed: false)
    }

    public static func machine(now: UInt64 = 0, threads: [ThreadView] = [], events: [EventView] = [], files: [FileObjectView] = [],
                               ports: [PortView] = [], completed: Int = 0) -> MachineView {
        var counters = MachineCounters()
        counters.requestsCompleted = completed
        return MachineView(now: now, threads: threads, events: events, files: files, ports: ports, counters: counters)
    }

    /// The log entry a run shows for this kernel event, rendered as the kernel renders it.
    public static func log(_ time: UInt64, _ thread: Int?, _ kind: TraceEvent.Action, _ name: String,
                           result: String = "", detail: String = "", returnValue: UInt64? = nil) -> LogEntry {
        LogEntry(event: TraceEvent(time: time, thread: thread, action: kind, name: name, detail: detail, result: result,
                                   returnValue: returnValue))
    }
}
