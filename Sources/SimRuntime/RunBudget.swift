/// The limits that stop a run which would otherwise go on too long; each
/// ends the run with a fault and its own exit status on the command line.
public enum RunBudget: Sendable, Equatable {
    /// Statements executed by the program's threads (`--max-statements`).
    case statements
    /// Kernel events handled (`--max-events`).
    case kernelEvents
    /// Virtual time elapsed (`--max-virtual-seconds`).
    case virtualTime
}
