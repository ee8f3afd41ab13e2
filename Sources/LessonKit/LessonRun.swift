import SimKernel
import SimRuntime

/// A lesson's simulations and the baseline conditions are measured from:
/// the pure engine under both the interactive session and `lesson check`.
///
/// It is a value: copying it snapshots every pane (so going back a step is
/// keeping an old copy).
public struct LessonRun: Sendable {
    public let lesson: Lesson
    /// One simulation per program, in the lesson's order, with its history.
    public private(set) var recorded: [RecordedSimulation]
    /// The shared virtual clock (µs): every pane shows its state at this time.
    public private(set) var clock: UInt64
    /// The moves the last `advance` made, in order: replaying them on a copy
    /// of the panes as they were reaches the same state (the reveal, watched).
    public private(set) var lastMoves: [Move] = []
    /// Log length and machine of each pane when the baseline was last set.
    private var baselineLogCounts: [Int]
    private var baselineMachines: [MachineView]

    /// Why `advance` stopped.
    public enum AdvanceOutcome: Sendable, Equatable {
        /// The condition holds, after this many simulation steps.
        case reached(steps: Int)
        /// Every program finished first.
        case programEnded(steps: Int, outcome: String)
        /// The step budget ran out.
        case budgetExhausted(budget: Int)

        public var reached: Bool { if case .reached = self { return true } else { return false } }
    }

    /// Creates one simulation per program with the factory.
    public init(lesson: Lesson, factory: SimulationFactory) throws {
        let panes = try lesson.programs.map { try factory($0, lesson.settings) }
        self.init(lesson: lesson, panes: panes)
    }

    public init(lesson: Lesson, panes: [any Simulation]) {
        self.lesson = lesson
        self.recorded = panes.map(RecordedSimulation.init)
        self.clock = panes.map(\.now).max() ?? 0
        baselineLogCounts = panes.map(\.logCount)
        baselineMachines = recorded.map(\.machine)
    }

    /// The simulations, in the lesson's order.
    public var panes: [any Simulation] { recorded.map(\.simulation) }

    /// From now on, log-based conditions and "packet queued" look only at what happens next.
    public mutating func markBaseline() {
        baselineLogCounts = recorded.map(\.simulation.logCount)
        baselineMachines = recorded.map(\.machine)
    }

    /// Everything any condition can look at.
    public var context: ConditionContext { context(needs: .all) }

    /// Only what `needs` asks for: a simulation may build its log or output on
    /// demand, and the runner evaluates a stop condition after every event.
    func context(needs: Condition.Needs) -> ConditionContext {
        ConditionContext(panes: recorded.indices.map { index in
            let pane = recorded[index].simulation
            var newLog: ArraySlice<LogEntry> = []
            if needs.log {
                // Only the entries since the baseline: the whole log may be long.
                // (Lesson runs keep the whole trace; nothing is trimmed under us.)
                let added = pane.logCount - (baselineLogCounts[safe: index] ?? 0)
                newLog = added > 0 ? pane.recentLog(added)[...] : []
            }
            var lastCalls: [Int: LogEntry] = [:]
            if needs.lastCalls {
                for entry in pane.recentLog(pane.logCount).reversed() where entry.isCallResult {
                    if let thread = entry.thread, lastCalls[thread] == nil { lastCalls[thread] = entry }
                }
            }
            return ConditionContext.Pane(
                name: lesson.programs[safe: index]?.pane ?? "main", machine: recorded[index].machine,
                newLog: newLog, output: needs.output ? pane.output : "", outcome: pane.outcome,
                baseline: baselineMachines[safe: index] ?? recorded[index].machine, title: pane.title, lastCalls: lastCalls)
        })
    }

    public func evaluate(_ condition: Condition) -> ConditionEvaluation {
        condition.evaluate(in: context(needs: condition.needs))
    }

    /// Advances until `condition` holds (not at all if it already does), the
    /// programs end, or `budget` simulation steps have been taken.
    ///
    /// Every pane moves on the one shared clock (`Lockstep`), exactly as on
    /// screen. A condition about a thread reaching a line steps that thread
    /// one statement at a time so the line is not skipped. Any other
    /// condition is tested after every kernel event and after every
    /// statement of every thread: while it is awaited the programs pause
    /// after each statement (a pause takes no time and changes nothing
    /// else), so the stop lands on the first statement after which the
    /// condition holds, before the program makes its next Win32 call.
    /// A pause is not a step: only kernel events count against `budget`.
    public mutating func advance(until condition: Condition, budget: Int) -> AdvanceOutcome {
        lastMoves = []
        if evaluate(condition).holds { return .reached(steps: 0) }
        let stepped = steppedThread(condition)
        if stepped == nil { setPausesAtStatements(true) }
        defer { if stepped == nil { setPausesAtStatements(false) } }
        var steps = 0
        while steps < budget {
            guard recorded.contains(where: { !$0.isFinished }) else {
                return .programEnded(steps: steps, outcome: endedDescription)
            }
            let moved: Bool
            if let (pane, thread) = steppedThread(condition) {
                moved = Lockstep.stepStatement(&recorded, pane: pane, thread: thread, clock: &clock)
                if moved { lastMoves.append(.statement(pane: pane, thread: thread)) }
                steps += 1
            } else {
                // Going on from a pause handles no new event: it is free.
                let resuming = recorded.contains { $0.simulation.isPaused }
                moved = Lockstep.step(&recorded, clock: &clock)
                if moved { lastMoves.append(.pausingStep) }
                if !resuming { steps += 1 }
            }
            if evaluate(condition).holds { return .reached(steps: steps) }
            if !moved {
                return .programEnded(steps: steps, outcome: endedDescription.isEmpty
                                     ? "the simulation could not advance" : endedDescription)
            }
        }
        return .budgetExhausted(budget: budget)
    }

    private mutating func setPausesAtStatements(_ pauses: Bool) {
        for index in recorded.indices { recorded[index].setPausesAtStatements(pauses) }
    }

    /// The pane and thread a line condition is about, while that thread can still run.
    private func steppedThread(_ condition: Condition) -> (pane: Int, thread: Int)? {
        guard let (paneName, ref) = condition.steppedThread else { return nil }
        let pane = paneName.flatMap { name in
            lesson.programs.firstIndex { $0.pane.lowercased() == name.lowercased() }
        } ?? 0
        guard recorded.indices.contains(pane), let thread = recorded[pane].machine.thread(matching: ref) else { return nil }
        if case .terminated = thread.state { return nil }
        return (pane, thread.id)
    }

    private var endedDescription: String {
        panes.compactMap(\.outcome).map(\.lessonText).joined(separator: "; ")
    }
}

extension LessonRun {
    /// One move of the shared clock, as `advance` made it.
    public enum Move: Sendable, Equatable {
        /// `Lockstep.step`: every pane whose next event is the earliest handles it.
        case lockstep
        /// `Lockstep.stepStatement`: until this thread of this pane has run one more statement.
        case statement(pane: Int, thread: Int)
        /// `Lockstep.step` with every thread pausing after each statement
        /// (`Simulation.setPausesAtStatements`), as `advance` moves to a stop
        /// that is not a line: one event, or one statement after a pause.
        case pausingStep
    }
}

extension SimulationOutcome {
    /// The outcome in a sentence fragment for messages.
    var lessonText: String {
        switch self {
        case .exited(let code): return "the program exited with code \(code)"
        case .fault(let message): return "the program faulted: \(message)"
        case .deadlock(let message): return "the program deadlocked: \(message)"
        }
    }
}

extension LessonRun {
    /// One step of the shared clock (free exploration inside a step). The
    /// baseline stays where it was.
    @discardableResult
    public mutating func step() -> Bool {
        Lockstep.step(&recorded, clock: &clock)
    }

    /// Steps the shared clock until one thread of one pane has run one more statement.
    @discardableResult
    public mutating func stepStatement(pane index: Int, thread: Int) -> Bool {
        Lockstep.stepStatement(&recorded, pane: index, thread: thread, clock: &clock)
    }
}
