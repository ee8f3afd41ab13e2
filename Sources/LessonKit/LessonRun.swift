import SimKernel
import SimRuntime

/// A lesson's simulations and the baseline conditions are measured from:
/// the pure engine under both the interactive session and `lesson check`.
///
/// It is a value: copying it snapshots every pane (so going back a step is
/// keeping an old copy).
public struct LessonRun: Sendable {
    public let lesson: Lesson
    /// One simulation per program, in the lesson's order.
    public private(set) var panes: [any Simulation]
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
        self.panes = panes
        baselineLogCounts = panes.map(\.logCount)
        baselineMachines = panes.map(\.machine)
    }

    /// From now on, log-based conditions and "packet queued" look only at what happens next.
    public mutating func markBaseline() {
        baselineLogCounts = panes.map(\.logCount)
        baselineMachines = panes.map(\.machine)
    }

    /// Everything any condition can look at.
    public var context: ConditionContext { context(needs: .all) }

    /// Only what `needs` asks for: a simulation may build its log or output on
    /// demand, and the runner evaluates a stop condition after every event.
    func context(needs: Condition.Needs) -> ConditionContext {
        ConditionContext(panes: panes.indices.map { index in
            let pane = panes[index]
            var newLog: ArraySlice<LogEntry> = []
            if needs.log {
                // Only the entries since the baseline: the whole log may be long.
                // (Lesson runs keep the whole trace; nothing is trimmed under us.)
                let added = pane.logCount - (baselineLogCounts[safe: index] ?? 0)
                newLog = added > 0 ? pane.recentLog(added)[...] : []
            }
            return ConditionContext.Pane(
                name: lesson.programs[safe: index]?.pane ?? "main", machine: pane.machine,
                newLog: newLog, output: needs.output ? pane.output : "", outcome: pane.outcome,
                baseline: baselineMachines[safe: index] ?? pane.machine)
        })
    }

    public func evaluate(_ condition: Condition) -> ConditionEvaluation {
        condition.evaluate(in: context(needs: condition.needs))
    }

    /// Advances until `condition` holds (not at all if it already does), the
    /// programs end, or `budget` simulation steps have been taken.
    ///
    /// A condition about a thread reaching a line steps that thread one
    /// statement at a time so the line is not skipped; otherwise one kernel
    /// event at a time. Several panes advance in lockstep: the one furthest
    /// behind in virtual time steps next.
    public mutating func advance(until condition: Condition, budget: Int) -> AdvanceOutcome {
        if evaluate(condition).holds { return .reached(steps: 0) }
        var steps = 0
        while steps < budget {
            guard let index = nextPane() else {
                return .programEnded(steps: steps, outcome: endedDescription)
            }
            var pane = panes[index]
            var moved: Bool
            if let threadID = steppedThreadID(condition, pane: index) {
                moved = pane.stepStatement(thread: threadID)
            } else {
                moved = pane.stepEvent()
            }
            if !moved, pane.outcome == nil {
                // The thread cannot take a statement now; let the machine move instead.
                moved = pane.stepEvent()
            }
            panes[index] = pane
            steps += 1
            if evaluate(condition).holds { return .reached(steps: steps) }
            if !moved && pane.outcome == nil {
                return .programEnded(steps: steps, outcome: "the simulation could not advance")
            }
        }
        return .budgetExhausted(budget: budget)
    }

    /// The pane to step next: the unfinished one with the earliest virtual time.
    private func nextPane() -> Int? {
        var best: Int?
        for index in panes.indices where panes[index].outcome == nil {
            if let current = best, panes[current].now <= panes[index].now { continue }
            best = index
        }
        return best
    }

    private func steppedThreadID(_ condition: Condition, pane index: Int) -> Int? {
        guard let (paneName, ref) = condition.steppedThread else { return nil }
        let paneIndex = paneName.flatMap { name in
            lesson.programs.firstIndex { $0.pane.lowercased() == name.lowercased() }
        } ?? 0
        guard paneIndex == index, let thread = panes[index].machine.thread(matching: ref) else { return nil }
        if case .terminated = thread.state { return nil }
        return thread.id
    }

    private var endedDescription: String {
        panes.compactMap(\.outcome).map(\.lessonText).joined(separator: "; ")
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
    /// Steps one pane by one kernel event (free exploration inside a step).
    /// The baseline stays where it was.
    @discardableResult
    public mutating func stepEvent(pane index: Int) -> Bool {
        guard panes.indices.contains(index) else { return false }
        return panes[index].stepEvent()
    }

    /// Steps one thread of one pane by one statement.
    @discardableResult
    public mutating func stepStatement(pane index: Int, thread: Int) -> Bool {
        guard panes.indices.contains(index) else { return false }
        return panes[index].stepStatement(thread: thread)
    }
}
