/// A statement about the kernel that must hold when a step reaches its stop.
public struct Checkpoint: Sendable, Equatable {
    public var condition: Condition
    /// What the learner (or the checker) is told when it does not hold.
    public var message: String
    public var line: Int
    public init(condition: Condition, message: String, line: Int) {
        self.condition = condition; self.message = message; self.line = line
    }
}
