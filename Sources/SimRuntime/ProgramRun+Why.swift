import SimKernel

extension ProgramRun {
    /// The kernel's causal chain for `subject` (recorded when the run
    /// traces), naming `OVERLAPPED`s and threads as the picture does.
    public func why(_ subject: WhySubject) -> [CauseLink] {
        let threads = machine.threads
        let registry = runtimeState?.overlappeds
        let names = CauseNames(overlapped: { registry?.label($0) },
                               thread: { id in threads.first { $0.id == id }?.name })
        return kernel.why(subject, names: names)
    }
}
