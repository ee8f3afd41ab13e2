import Foundation

/// Grades a predict-then-reveal question by what the kernel does: advance to
/// the reveal, then evaluate every choice's condition.
public enum QuestionGrader {
    public struct ChoiceResult: Sendable, Equatable {
        public var condition: Condition?
        /// True when the choice's condition holds after the reveal; a choice
        /// without a condition never holds.
        public var holds: Bool
        public var found: String
    }

    public struct Grade: Sendable, Equatable {
        public var choices: [ChoiceResult]
        /// Set when the reveal condition was never reached.
        public var revealFailure: String?
        /// Indices of the choices that hold: what the kernel did.
        public var holdingChoices: [Int] { choices.indices.filter { choices[$0].holds } }
    }

    /// Advances `run` to the question's reveal (measuring from now) and grades every choice.
    public static func reveal(_ question: Question, in run: inout LessonRun, budget: Int) -> Grade {
        run.markBaseline()
        var failure: String?
        if let reveal = question.reveal {
            let outcome = run.advance(until: reveal, budget: budget)
            if !outcome.reached {
                failure = LessonChecker.unreached(reveal, outcome).replacingOccurrences(of: "stop condition", with: "reveal condition")
            }
        }
        let choices = question.choices.map { choice -> ChoiceResult in
            guard let condition = choice.when else {
                return ChoiceResult(condition: nil, holds: false, found: "no condition")
            }
            let evaluation = run.evaluate(condition)
            return ChoiceResult(condition: condition, holds: evaluation.holds, found: evaluation.found)
        }
        return Grade(choices: choices, revealFailure: failure)
    }
}
