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
    /// Runs until `thread` has executed one more statement (or blocks, or the
    /// program ends). Returns false once finished.
    @discardableResult mutating func stepStatement(thread: Int) -> Bool
}

extension Simulation {
    public var now: UInt64 { machine.now }
    public var logCount: Int { log.count }
    public func recentLog(_ count: Int) -> [LogEntry] { Array(log.suffix(max(0, count))) }
}

public struct SourceFile: Sendable, Equatable {
    public var name: String
    public var text: String
    public init(name: String, text: String) { self.name = name; self.text = text }
}

/// One kernel action, for the event log and for lesson stop conditions.
public struct LogEntry: Sendable, Equatable {
    /// Virtual time in µs.
    public var time: UInt64
    /// Thread id, nil for actions of the machine itself (a device completing).
    public var thread: Int?
    /// What happened, as a stable word: "ReadFile", "complete", "packet",
    /// "apc-queued", "apc-run", "wake", "exit", "note", …
    public var action: String
    /// The result when the action is a call ("pending", "TRUE", "WAIT_OBJECT_0+2").
    public var result: String
    /// The whole line as the log shows it.
    public var text: String
    public init(time: UInt64, thread: Int?, action: String, result: String, text: String) {
        self.time = time; self.thread = thread; self.action = action; self.result = result; self.text = text
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
