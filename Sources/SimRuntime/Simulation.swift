import SimKernel

/// One running simulation as the UI and the lesson runner see it: a program
/// (or several threads of one) on one simulated machine.
///
/// A `Simulation` is a value: copying it is a snapshot, and stepping a copy
/// never affects the original — step back is keeping old copies. Stepping is
/// deterministic: the same program, seed and settings give the same sequence
/// of states.
public protocol Simulation: Sendable {
    /// A short title for the pane ("Completion port").
    var title: String { get }
    /// The program's source files, for the source view.
    var sourceFiles: [SourceFile] { get }
    /// The kernel as it is now.
    var machine: MachineView { get }
    /// Kernel actions so far, oldest first.
    var log: [LogEntry] { get }
    /// What the program printed so far.
    var output: String { get }
    /// Nil while the program can still run.
    var outcome: SimulationOutcome? { get }

    /// Virtual time in µs (cheaper than `machine.now`, which builds the whole picture).
    var now: UInt64 { get }
    /// How many entries `log` has.
    var logCount: Int { get }
    /// The last `count` entries of `log` (fewer when there are fewer), oldest
    /// first; cheaper than `log` when only the tail is shown.
    func recentLog(_ count: Int) -> [LogEntry]

    /// Advances by one kernel event. Returns false (and changes nothing) once finished.
    @discardableResult mutating func stepEvent() -> Bool
    /// The virtual time of the event `stepEvent()` would handle next. Nil once
    /// finished, and when nothing is scheduled: the next `stepEvent()` then
    /// only settles the outcome (every thread ended, or a deadlock) without
    /// moving time. Mutating only to drop moot timers, which stepping would
    /// skip anyway.
    mutating func nextEventTime() -> UInt64?
    /// Where `thread` is in its program; nil for a thread the simulation does
    /// not know. Comparing two marks tells whether it ran a statement.
    func statementMark(thread: Int) -> StatementMark?
    /// While set, `thread` runs one statement per kernel event instead of a
    /// run of them, so statement stepping can stop after each one.
    mutating func setStatementThread(_ thread: Int?)
    /// While set, every thread pauses after each statement (no time passes:
    /// the run is the same, cut finer), so a condition can be tested there.
    mutating func setPausesAtStatements(_ pauses: Bool)
    /// True while a thread has paused between statements: the next step
    /// goes on with it without moving time.
    var isPaused: Bool { get }
    /// What a timeline records after an event: thread states and the count
    /// of completed requests (cheaper than `machine` where it matters).
    var timelineSample: TimelineSample { get }
    /// Why `subject` (a thread, request, queued packet or APC, object) is as
    /// it is, newest cause first, in the program's own names (empty when the
    /// run records no causes).
    func why(_ subject: WhySubject) -> [CauseLink]
}

/// What a pane's history records after each event.
public struct TimelineSample: Sendable, Equatable {
    public var now: UInt64
    public var threads: [ThreadStateSample]
    public var requestsCompleted: Int

    public init(now: UInt64, threads: [ThreadStateSample], requestsCompleted: Int) {
        self.now = now; self.threads = threads; self.requestsCompleted = requestsCompleted
    }

    public init(_ machine: MachineView) {
        self.init(now: machine.now, threads: machine.threads.map { ThreadStateSample(id: $0.id, kind: $0.state.kind) },
                  requestsCompleted: machine.counters.requestsCompleted)
    }
}

/// Where one thread is in its program, to tell when it has taken a step: it
/// ran a statement, moved, started waiting or ended.
public struct StatementMark: Sendable, Equatable {
    public var statements: Int
    public var location: CodeLocation?
    public var waiting: Bool
    public var ended: Bool

    public init(statements: Int, location: CodeLocation?, waiting: Bool, ended: Bool) {
        self.statements = statements; self.location = location; self.waiting = waiting; self.ended = ended
    }

    /// True when the thread has taken its step since `before`.
    public func isPast(_ before: StatementMark) -> Bool {
        statements != before.statements || location != before.location || ended || (waiting && !before.waiting)
    }
}

extension Simulation {
    /// Simulations without statements (scripted ones) have nothing to pause at.
    public mutating func setPausesAtStatements(_ pauses: Bool) {}
    public var isPaused: Bool { false }

    /// Runs this simulation alone until `thread` has executed one more
    /// statement, blocks, or the program ends; false once finished. (Several
    /// simulations on one clock step statements with `Lockstep.stepStatement`.)
    /// While stepped this way the thread pauses after each statement; a
    /// pause costs no time, so the run's times and trace are those of a run
    /// that is not stepped.
    @discardableResult
    public mutating func stepStatement(thread: Int) -> Bool {
        guard outcome == nil else { return false }
        guard let before = statementMark(thread: thread), !before.ended else { return stepEvent() }
        setStatementThread(thread)
        defer { setStatementThread(nil) }
        // Bounded: a thread that never runs again still returns control.
        for _ in 0 ..< Lockstep.maxEventsPerStatement {
            guard stepEvent() else { break }
            if statementMark(thread: thread)?.isPast(before) ?? true { break }
        }
        return outcome == nil
    }

    public var now: UInt64 { machine.now }
    public var timelineSample: TimelineSample { TimelineSample(machine) }
    public var logCount: Int { log.count }
    public func recentLog(_ count: Int) -> [LogEntry] { Array(log.suffix(max(0, count))) }
    public func why(_ subject: WhySubject) -> [CauseLink] { [] }
    /// Why `thread` is where it is: its last wake, back to what caused it.
    public func why(thread: Int) -> [CauseLink] { why(.thread(thread)) }
}

public struct SourceFile: Sendable, Equatable {
    public var name: String
    public var text: String
    public init(name: String, text: String) { self.name = name; self.text = text }
}

/// One kernel action, for the event log and for lesson stop conditions: the
/// kernel's trace event, typed, with the line the log shows for it.
public struct LogEntry: Sendable, Equatable {
    /// Virtual time in µs.
    public var time: UInt64
    /// Thread id, nil for actions of the machine itself (a device completing).
    public var thread: Int?
    /// What kind of kernel event this is: a call that returned, blocked or
    /// woke, a completion, an APC, a packet, a note…
    public var kind: TraceEvent.Action
    /// The Win32 call or kernel activity the entry is about ("WaitForMultipleObjects"
    /// for its wake too, "disk", "warning"); empty when not known.
    public var name: String
    /// The result when the action is a call ("pending", "TRUE", "WAIT_OBJECT_0+2").
    public var result: String
    /// The whole line as the log shows it.
    public var text: String
    /// For a call that returned (at once or on waking): its return value.
    public var returnValue: UInt64?
    public init(time: UInt64, thread: Int?, kind: TraceEvent.Action, name: String, result: String, text: String,
                returnValue: UInt64? = nil) {
        self.time = time; self.thread = thread; self.kind = kind; self.name = name; self.result = result; self.text = text
        self.returnValue = returnValue
    }
}

public enum SimulationOutcome: Sendable, Equatable {
    /// `main` returned (or the process exited) with this code.
    case exited(code: Int32)
    /// A runtime fault: the message as printed (`FILE:LINE:COL: runtime error: …`).
    case fault(message: String)
    /// Every thread blocked with nothing pending: the explanation.
    case deadlock(message: String)
}
