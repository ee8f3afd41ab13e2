/// Which screen a lesson opens: one program in focus (optionally highlighting
/// one notification method's structures) or the four-way comparison.
public enum LessonView: String, Sendable, Equatable, CaseIterable {
    /// One program; no method's structures are emphasised.
    case single
    /// One program, emphasising the file object's signal (method 1).
    case device
    /// One program, emphasising the events in the OVERLAPPEDs (method 2).
    case event
    /// One program, emphasising APC queues and alertable waits (method 3).
    case alertable
    /// One program, emphasising the completion port (method 4).
    case port
    /// Two or more programs side by side in lockstep.
    case compare
}
