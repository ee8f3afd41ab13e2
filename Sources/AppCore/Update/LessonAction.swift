/// What the learner can do on the Lesson screen besides the ordinary
/// stepping keys (which explore a copy of the step's simulation).
public enum LessonAction: Sendable, Equatable {
    /// Next step: refused while the step's question waits for an answer.
    case next
    /// Undo the last free step; with none, go to the previous step (exact).
    case back
    /// The previous step, exactly as it was left.
    case previous
    /// Show the step's next hint.
    case hint
    /// Answer the step's question with choice `index` (0-based).
    case answer(Int)
    /// Put the simulation back where the step left it.
    case restartStep
    /// Scroll the lesson text by rows.
    case scroll(Int)
    /// Show one pane full size, or all of them again.
    case toggleFocus
    /// Back to the first step, exactly as it was.
    case startOver
    /// Play the step's reveal again from the moment of the question.
    case replayReveal
    /// Move the selection among the options of the step's decision.
    case moveDecision(Int)
    /// Select the decision's option `index` (its letter).
    case chooseDecision(Int)
    /// Make the selected decision (again, after a wrong one); with none
    /// selected, say how to choose and decide nothing.
    case decide
}
