import SimKernel

/// A simulation with its picture of now (`machine`, built once per step:
/// a frame and the lesson conditions read it many times) and its history.
/// Stepping goes through this type so that every event handled is recorded.
public struct RecordedSimulation: Sendable {
    public private(set) var simulation: any Simulation
    public private(set) var machine: MachineView
    public private(set) var history: PaneHistory

    public init(_ simulation: any Simulation) {
        self.simulation = simulation
        self.machine = simulation.machine
        self.history = PaneHistory()
        history.record(machine)
    }

    public var outcome: SimulationOutcome? { simulation.outcome }
    public var isFinished: Bool { simulation.outcome != nil }

    /// See `Simulation.nextEventTime()`.
    mutating func nextEventTime() -> UInt64? { simulation.nextEventTime() }

    /// One kernel event, recorded. False when the simulation could not move.
    /// Without `refreshingView` only the history is brought up to date (a
    /// statement step runs many events and shows only the last): call
    /// `refreshView()` before `machine` is read again.
    @discardableResult
    mutating func stepEvent(refreshingView: Bool = true) -> Bool {
        guard simulation.outcome == nil else { return false }
        // A simulation may answer false for the very step that ends it; that step still counts.
        let moved = simulation.stepEvent() || simulation.outcome != nil
        history.record(simulation.timelineSample)
        viewIsStale = true
        if refreshingView { refreshView() }
        return moved
    }

    /// True when events were stepped since `machine` was built.
    private var viewIsStale = false

    /// Rebuilds `machine` after steps that did not (their history is already recorded).
    mutating func refreshView() {
        guard viewIsStale else { return }
        machine = simulation.machine
        viewIsStale = false
    }

    func statementMark(thread: Int) -> StatementMark? { simulation.statementMark(thread: thread) }

    mutating func setStatementThread(_ thread: Int?) { simulation.setStatementThread(thread) }

    /// See `Simulation.setPausesAtStatements`.
    public mutating func setPausesAtStatements(_ pauses: Bool) { simulation.setPausesAtStatements(pauses) }
}

/// Anything that holds a recorded simulation, so that one stepping rule
/// (`Lockstep`) serves the lesson runner's panes and the app's panes alike.
public protocol LockstepMember {
    var recorded: RecordedSimulation { get set }
}

extension RecordedSimulation: LockstepMember {
    public var recorded: RecordedSimulation {
        get { self }
        _modify { yield &self }
    }
}
