import LessonKit
import SimKernel
import SimRuntime
import SimulationTestSupport

extension Scripted {
    /// A context with one pane, for evaluating conditions directly.
    static func context(_ machine: MachineView, log: [LogEntry] = [], output: String = "",
                        outcome: SimulationOutcome? = nil, baseline: MachineView? = nil) -> ConditionContext {
        ConditionContext(panes: [.init(name: "main", machine: machine, newLog: log[...], output: output,
                                       outcome: outcome, baseline: baseline ?? Scripted.machine())])
    }
}
