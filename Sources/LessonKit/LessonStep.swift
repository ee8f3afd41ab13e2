/// One step of a lesson: text to read and, optionally, where to advance the
/// simulation, what must then hold, a question and hints.
public struct LessonStep: Sendable, Equatable {
    public var title: String
    /// Line of the step's heading.
    public var line: Int
    public var narrative: [StyledLine]
    /// Advance the simulation until this holds; nil leaves it where it is.
    public var stop: Condition?
    /// Line of the `stop:` entry (the heading when absent).
    public var stopLine: Int
    /// Simulation steps the runner may spend reaching `stop` (and a question's reveal).
    public var budget: Int
    public var checkpoints: [Checkpoint]
    public var question: Question?
    /// A kernel decision the learner makes (a step has this or `question`, not both).
    public var decide: Decision?
    public var hints: [String]

    public static let defaultBudget = 100_000

    public init(title: String, line: Int, narrative: [StyledLine], stop: Condition? = nil, stopLine: Int? = nil,
                budget: Int = LessonStep.defaultBudget, checkpoints: [Checkpoint] = [], question: Question? = nil,
                hints: [String] = []) {
        self.title = title; self.line = line; self.narrative = narrative; self.stop = stop
        self.stopLine = stopLine ?? line; self.budget = budget; self.checkpoints = checkpoints
        self.question = question; self.hints = hints
    }
}
