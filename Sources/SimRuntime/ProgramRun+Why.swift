import SimKernel

extension ProgramRun {
    /// The kernel's causal chain for `thread` (recorded when the run traces).
    public func why(thread: Int) -> [CauseLink] { kernel.why(thread: thread) }
}
