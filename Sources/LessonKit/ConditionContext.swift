import SimKernel
import SimRuntime

/// What a condition is evaluated against: one entry per simulation pane.
///
/// Log-based conditions ("call … returns", "log shows") and "packet queued"
/// look only at what happened since the baseline: the start of the step, or
/// the moment a question was asked.
public struct ConditionContext: Sendable {
    public struct Pane: Sendable {
        public var name: String
        public var machine: MachineView
        /// Log entries added since the baseline.
        public var newLog: ArraySlice<LogEntry>
        public var output: String
        public var outcome: SimulationOutcome?
        /// The machine at the baseline.
        public var baseline: MachineView
        /// The program's title (its file name), so a message can say which program it means.
        public var title: String?
        /// Each thread's most recent Win32 call result in the whole log, by
        /// thread id (filled only for conditions that ask about one).
        public var lastCalls: [Int: LogEntry]
        public init(name: String, machine: MachineView, newLog: ArraySlice<LogEntry>, output: String,
                    outcome: SimulationOutcome?, baseline: MachineView, title: String? = nil, lastCalls: [Int: LogEntry] = [:]) {
            self.name = name; self.machine = machine; self.newLog = newLog; self.output = output
            self.outcome = outcome; self.baseline = baseline; self.title = title; self.lastCalls = lastCalls
        }
    }
    /// Never empty in a well-formed context; conditions without `in PANE,` use the first.
    public var panes: [Pane]
    public init(panes: [Pane]) { self.panes = panes }
}

/// The answer to "does this condition hold?", with what was actually seen so
/// a failure message can say it.
public struct ConditionEvaluation: Sendable, Equatable {
    public var holds: Bool
    /// What the machine showed, e.g. "thread main is running on CPU 0".
    public var found: String
    public init(holds: Bool, found: String) { self.holds = holds; self.found = found }
}
