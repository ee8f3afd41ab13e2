/// A predict-then-reveal question: asked at the step's stop, answered before
/// the simulation moves on, then graded by what the kernel does.
///
/// After the learner picks, the simulation advances until `reveal` holds;
/// each choice's `when` condition is then evaluated, and a choice is right
/// exactly when its condition holds. `answer` is the author's claim, which
/// `lesson check` verifies against the kernel.
public struct Question: Sendable, Equatable {
    public struct Choice: Sendable, Equatable {
        public var text: String
        /// What the kernel shows if this choice is right; nil for a choice
        /// that is wrong by construction.
        public var when: Condition?
        public var line: Int
        /// For a wrong choice: the misconception behind it, shown when the
        /// learner picks it ("APCs run only on the thread that issued the request").
        public var why: String?
        public init(text: String, when: Condition?, line: Int, why: String? = nil) {
            self.text = text; self.when = when; self.line = line; self.why = why
        }
    }

    public var prompt: String
    public var choices: [Choice]
    /// Index into `choices` of the author's answer.
    public var answer: Int
    public var answerLine: Int
    /// Advance until this holds before grading; nil grades the state as it is.
    public var reveal: Condition?
    /// Shown after answering: the rule that decides it.
    public var explanation: String
    public var line: Int

    public init(prompt: String, choices: [Choice], answer: Int, answerLine: Int, reveal: Condition?,
                explanation: String, line: Int) {
        self.prompt = prompt; self.choices = choices; self.answer = answer; self.answerLine = answerLine
        self.reveal = reveal; self.explanation = explanation; self.line = line
    }

    /// The letter shown before choice `index` ("a", "b", …).
    public static func letter(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return index >= 0 && index < letters.count ? String(letters[index]) : "\(index + 1)"
    }
}
