/// The end-of-lesson summary: every question, what the learner answered,
/// whether the kernel agreed, and the rule that decides it.
extension LessonSession {
    public struct ReviewItem: Sendable, Equatable {
        public var step: Int
        public var prompt: String
        /// The learner's choice (its index and text); nil when not answered in this visit.
        public var choice: Int?
        public var choiceText: String?
        public var correct: Bool?
        /// The question's `explain:`: the rule.
        public var rule: String
    }

    /// One item per question of the lesson, in step order.
    public var review: [ReviewItem] {
        lesson.steps.indices.compactMap { index in
            guard let question = lesson.steps[index].question else { return nil }
            let answer = answers[safe: index] ?? nil
            return ReviewItem(step: index, prompt: question.prompt, choice: answer?.choice,
                              choiceText: answer.flatMap { question.choices[safe: $0.choice]?.text },
                              correct: answer?.correct, rule: question.explanation)
        }
    }
}
