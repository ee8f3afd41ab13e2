/// Why `run` stopped.
public enum RunStatus: Sendable, Equatable {
    /// Every thread has exited; the process exit code when known.
    case finished(exitCode: UInt32?)
    /// Every live thread is blocked and nothing pending can wake one.
    case deadlock(DeadlockReport)
    /// A thread body reported a runtime fault.
    case faulted(thread: Int, message: String)
    /// The time limit given to `run` was reached.
    case timeLimit
    /// The event limit given to `run` was reached.
    case eventLimit
}
