/// A question the screen already answers is no prediction: `lesson check`
/// warns when, at the moment it is asked, its reveal condition or the
/// answer's `when` already holds, or a checkpoint of the same step states
/// the answer's condition.
extension LessonChecker {
    struct Spoiler: Equatable {
        var line: Int
        var message: String
    }

    /// Looks at the run as the learner sees it when the question is asked,
    /// measuring log conditions from that moment as grading does.
    static func spoilers(_ question: Question, step: LessonStep, run: inout LessonRun) -> [Spoiler] {
        run.markBaseline()
        var found: [Spoiler] = []
        if let reveal = question.reveal, run.evaluate(reveal).holds {
            found.append(Spoiler(line: question.line, message:
                "the reveal condition '\(reveal)' already holds when the question is asked, so the screen shows what happens; stop the step earlier"))
        }
        if let answer = question.choices[safe: question.answer], let when = answer.when {
            let evaluation = run.evaluate(when)
            // "Not yet" (`not …`) is true before the reveal by nature: the
            // question is whether it stays so, which the screen cannot tell.
            if evaluation.holds, !when.isNegation {
                found.append(Spoiler(line: answer.line, message:
                    "the answer's condition '\(when)' already holds when the question is asked (\(evaluation.found)); the screen gives the answer away"))
            }
            for checkpoint in step.checkpoints where checkpoint.condition == when || checkpoint.condition == question.reveal {
                found.append(Spoiler(line: checkpoint.line, message:
                    "a checkpoint of this step states the answer ('\(checkpoint.condition)') before the question is asked"))
            }
        }
        return found
    }
}

extension Condition {
    /// True for `not …`: a condition that something has not happened (yet).
    var isNegation: Bool {
        switch self {
        case .not: return true
        case .pane(_, let inner): return inner.isNegation
        default: return false
        }
    }
}
