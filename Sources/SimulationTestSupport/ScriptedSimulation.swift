import SimKernel
import SimRuntime

/// The one stand-in for a program run in tests: a script of frames, one per
/// kernel event, each the machine after that event plus the log entries and
/// output it added. Tests that need a realistic run drive a real program
/// (`ProgramRun`) instead; this double is for states a test spells out, and
/// for counting how the code under test steps it.
///
/// Like a real run it is a value: a copy is a snapshot.
public struct ScriptedSimulation: Simulation {
    public struct Frame: Sendable {
        public var machine: MachineView
        /// Entries this frame's event added to the log.
        public var log: [LogEntry]
        /// What the program printed during this frame's event.
        public var output: String

        public init(machine: MachineView, log: [LogEntry] = [], output: String = "") {
            self.machine = machine; self.log = log; self.output = output
        }
    }

    public var title: String
    public var sourceFiles: [SourceFile]
    public var frames: [Frame]
    /// The frame shown now; 0 before the first step.
    public private(set) var index = 0
    /// How the run ends once the last frame is reached.
    public var finalOutcome: SimulationOutcome = .exited(code: 0)
    /// When true the program never ends: past the last frame it keeps
    /// "running" in place and its outcome stays nil.
    public var endless: Bool
    /// When true the step that reaches the last frame answers false, as a
    /// real run may when that event ends the program.
    public var falseOnLastStep = false
    /// How often `stepEvent` was called, and each thread statement stepping
    /// was asked for (in order), so tests can tell how a run was driven.
    public private(set) var eventSteps = 0
    public private(set) var statementSteps: [Int] = []

    public init(title: String = "scripted", sourceFiles: [SourceFile] = [], frames: [Frame], endless: Bool = false) {
        precondition(!frames.isEmpty, "a scripted run needs at least its starting frame")
        self.title = title; self.sourceFiles = sourceFiles; self.frames = frames; self.endless = endless
    }

    public var machine: MachineView { frames[index].machine }
    public var log: [LogEntry] { frames[0...index].flatMap(\.log) }
    public var output: String { frames[0...index].map(\.output).joined() }
    public var outcome: SimulationOutcome? { !endless && index == frames.count - 1 ? finalOutcome : nil }

    @discardableResult
    public mutating func stepEvent() -> Bool {
        eventSteps += 1
        guard index < frames.count - 1 else { return endless }
        index += 1
        return !(falseOnLastStep && index == frames.count - 1)
    }

    /// Frames are consecutive events: the next one's time, or (endless) now.
    public mutating func nextEventTime() -> UInt64? {
        if index < frames.count - 1 { return frames[index + 1].machine.now }
        return endless ? machine.now : nil
    }

    /// Every frame counts as one statement of every thread, which stands on
    /// the line its stack shows.
    public func statementMark(thread: Int) -> StatementMark? {
        StatementMark(statements: index, location: machine.thread(thread)?.location, waiting: false, ended: outcome != nil)
    }

    public mutating func setStatementThread(_ thread: Int?) {
        if let thread { statementSteps.append(thread) }
    }
}
