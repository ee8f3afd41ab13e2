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
    @discardableResult
    mutating func stepEvent() -> Bool {
        guard simulation.outcome == nil else { return false }
        // A simulation may answer false for the very step that ends it; that step still counts.
        let moved = simulation.stepEvent() || simulation.outcome != nil
        machine = simulation.machine
        history.record(machine)
        return moved
    }

    func statementMark(thread: Int) -> StatementMark? { simulation.statementMark(thread: thread) }

    mutating func setStatementThread(_ thread: Int?) { simulation.setStatementThread(thread) }
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
