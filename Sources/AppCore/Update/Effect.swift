/// Work for the shell to do; `update` never performs it itself.
public enum Effect: Sendable, Equatable {
    case quit
    /// Deliver `.tick` after this many milliseconds.
    case scheduleTick(milliseconds: Int)
    /// Stop delivering ticks (paused): the shell then waits for input only.
    case cancelTick
    case openCompare
    case openPlayground(path: String)
    case openLesson(id: String)
}
