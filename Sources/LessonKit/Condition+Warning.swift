import SimRuntime

extension Condition {
    /// `warning "TEXT"`: a misuse warning raised since the step began whose
    /// kind ("event-shared") or message contains TEXT, ignoring case. The
    /// kernel logs each warning as it raises it, so the step's new log says.
    static func warningRaised(_ text: String, in pane: ConditionContext.Pane) -> ConditionEvaluation {
        let raised = pane.newLog.filter(\.isWarning)
        if raised.contains(where: { $0.text.range(of: text, options: .caseInsensitive) != nil }) {
            return ConditionEvaluation(holds: true, found: "the warning was raised")
        }
        let found = raised.isEmpty
            ? "no warning since the step began"
            : "warnings since the step began: \(raised.map(\.text).joined(separator: "; "))"
        return ConditionEvaluation(holds: false, found: found)
    }
}
