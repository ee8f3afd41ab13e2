import LessonKit
import SimKernel
import SimRuntime

/// A scripted simulation: a list of frames, one per kernel event. Each frame
/// is the machine after that event plus the log lines and output it added.
struct FakeSimulation: Simulation {
    struct Frame {
        var machine: MachineView
        var log: [LogEntry] = []
        var output: String = ""
    }

    var title = "fake"
    var sourceFiles: [SourceFile] = []
    var frames: [Frame]
    var index = 0
    var finalOutcome: SimulationOutcome = .exited(code: 0)
    /// When true the program never ends: past the last frame it keeps "running" in place.
    var endless = false
    /// How many times each way of stepping was used.
    var eventSteps = 0
    var statementSteps: [Int] = []

    init(_ frames: [Frame], endless: Bool = false) {
        self.frames = frames
        self.endless = endless
    }

    var machine: MachineView { frames[index].machine }
    var log: [LogEntry] { frames[0...index].flatMap(\.log) }
    var output: String { frames[0...index].map(\.output).joined() }
    var outcome: SimulationOutcome? { !endless && index == frames.count - 1 ? finalOutcome : nil }

    mutating func stepEvent() -> Bool {
        eventSteps += 1
        if index < frames.count - 1 { index += 1; return true }
        return endless
    }


    /// Frames are consecutive events: the next one's time, or (endless) now.
    mutating func nextEventTime() -> UInt64? {
        if index < frames.count - 1 { return frames[index + 1].machine.now }
        return endless ? machine.now : nil
    }

    /// Every frame counts as one statement of every thread.
    func statementMark(thread: Int) -> StatementMark? {
        StatementMark(statements: index, location: nil, waiting: false, ended: false)
    }

    mutating func setStatementThread(_ thread: Int?) {
        if let thread { statementSteps.append(thread) }
    }
}

/// Small builders so test machines read like the situation they describe.
enum Fake {
    static func thread(_ id: Int, _ name: String, _ state: ThreadStateView, line: Int? = nil, file: String = "prog.c",
                       apcs: Int = 0, inAPC: Bool = false) -> ThreadView {
        let stack = line.map { [CodeLocation(file: file, line: $0, column: 5, function: "main")] } ?? []
        let queue = Array(repeating: APCView(kind: .completionRoutine, routine: 0x1000, routineName: "Done"), count: apcs)
        return ThreadView(id: id, name: name, state: state, stack: stack, inAPC: inAPC, apcQueue: queue)
    }

    static func wait(_ call: String, alertable: Bool = false) -> ThreadStateView {
        .waiting(WaitView(reason: .sleep, alertable: alertable, deadline: nil, call: call))
    }

    static func event(_ id: Int, _ label: String, signaled: Bool) -> EventView {
        EventView(object: ObjectRef(id: id, kind: .event, label: label), manualReset: true, signaled: signaled)
    }

    static func file(_ id: Int, _ label: String, path: String = "data.bin", signaled: Bool) -> FileObjectView {
        FileObjectView(object: ObjectRef(id: id, kind: .file, label: label), path: path, overlapped: true,
                       noBuffering: false, signaled: signaled, position: 0, port: nil, key: nil,
                       notificationModes: 0, handles: [4])
    }

    static func port(_ id: Int, _ label: String, queued: Int = 0, waiting: [Int] = [], released: [Int] = [],
                     paused: [Int] = [], running: Int = 0, limit: Int = 2) -> PortView {
        let packet = PacketView(bytes: 512, key: 1, overlapped: 0x2000, status: 0, posted: false)
        return PortView(object: ObjectRef(id: id, kind: .port, label: label), devices: [],
                        queue: Array(repeating: packet, count: queued), waiting: waiting, released: released,
                        paused: paused, running: running, limit: limit, closed: false)
    }

    static func machine(now: UInt64 = 0, threads: [ThreadView] = [], events: [EventView] = [], files: [FileObjectView] = [],
                        ports: [PortView] = [], completed: Int = 0) -> MachineView {
        var counters = MachineCounters()
        counters.requestsCompleted = completed
        return MachineView(now: now, threads: threads, events: events, files: files, ports: ports, counters: counters)
    }

    static func log(_ time: UInt64, _ thread: Int?, _ action: String, _ result: String, _ text: String? = nil) -> LogEntry {
        LogEntry(time: time, thread: thread, action: action, result: result,
                 text: text ?? "t=\(time) T\(thread ?? 0) \(action) → \(result)")
    }

    /// A context with one pane, for evaluating conditions directly.
    static func context(_ machine: MachineView, log: [LogEntry] = [], output: String = "",
                        outcome: SimulationOutcome? = nil, baseline: MachineView? = nil) -> ConditionContext {
        ConditionContext(panes: [.init(name: "main", machine: machine, newLog: log[...], output: output,
                                       outcome: outcome, baseline: baseline ?? Fake.machine())])
    }
}
