extension Progress {
    /// How a learner did in one lesson: questions right at the first try,
    /// out of those answered and of all the lesson asks.
    public struct Score: Sendable, Equatable {
        public var rightFirstTime: Int
        public var answered: Int
        /// Every question (and decision) the lesson asks.
        public var questions: Int
        public var finished: Bool

        /// Finished, with every question right at the first try.
        public var mastered: Bool { finished && rightFirstTime == questions }

        /// "2/3 right first time", or "no questions".
        public var text: String {
            questions == 0 ? "no questions" : "\(rightFirstTime)/\(questions) right first time"
        }
    }

    /// The score in `lesson`, counting only steps that still ask something
    /// (a question may have been removed since it was answered).
    public func score(for lesson: Lesson) -> Score {
        let asking = Set(lesson.steps.indices.filter { lesson.steps[$0].asksSomething })
        let records = (lessons[lesson.id]?.answers ?? []).filter { asking.contains($0.step) }
        return Score(rightFirstTime: records.filter(\.rightFirstTime).count, answered: records.count,
                     questions: asking.count, finished: lessons[lesson.id]?.finished ?? false)
    }
}

extension LessonStep {
    /// True when the learner answers something at this step.
    public var asksSomething: Bool { question != nil }
}
