/// What a learner has done, per lesson id: steps seen, questions answered,
/// lessons finished. Stored as JSON by `ProgressStore`.
public struct Progress: Codable, Sendable, Equatable {
    public var version: Int = 1
    public var lessons: [String: LessonProgress] = [:]

    public init() {}

    public struct LessonProgress: Codable, Sendable, Equatable {
        /// Indices of steps seen, ascending, without repeats.
        public var stepsSeen: [Int] = []
        /// The last answer given per question, by step index, ascending.
        public var answers: [AnswerRecord] = []
        public var finished: Bool = false
        /// The step the learner was on when last seen (nil in older files).
        public var lastStep: Int?
        public init() {}
    }

    /// Where to resume a lesson: the step the learner left it at, when that
    /// is past the first step and the lesson is not finished.
    public func resumeStep(for lessonID: String) -> Int? {
        guard let lesson = lessons[lessonID], !lesson.finished, let step = lesson.lastStep, step > 0 else { return nil }
        return step
    }

    /// The answer recorded for a step, if any.
    public func answer(lesson id: String, step: Int) -> AnswerRecord? {
        lessons[id]?.answers.first { $0.step == step }
    }

    public struct AnswerRecord: Codable, Sendable, Equatable {
        public var step: Int
        public var choice: Int
        public var correct: Bool
        /// Whether the first answer ever given at this step was right. Kept
        /// when the question is answered again; nil in files written before
        /// it was recorded, where the one answer stored is the first.
        public var firstTry: Bool?
        public init(step: Int, choice: Int, correct: Bool, firstTry: Bool? = nil) {
            self.step = step; self.choice = choice; self.correct = correct; self.firstTry = firstTry
        }
        /// Right at the first try (older files: the stored answer is the first).
        public var rightFirstTime: Bool { firstTry ?? correct }
    }

    /// A lesson's place on the list.
    public enum Mark: Sendable, Equatable {
        case notStarted, started, finished

        /// ASCII, so it reads the same on every terminal and without colour.
        public var symbol: String {
            switch self {
            case .notStarted: return "[ ]"
            case .started: return "[~]"
            case .finished: return "[x]"
            }
        }
    }

    public func mark(for lessonID: String) -> Mark {
        guard let lesson = lessons[lessonID] else { return .notStarted }
        if lesson.finished { return .finished }
        return lesson.stepsSeen.isEmpty && lesson.answers.isEmpty ? .notStarted : .started
    }

    public mutating func markSeen(lesson id: String, step: Int) {
        var lesson = lessons[id] ?? LessonProgress()
        if !lesson.stepsSeen.contains(step) {
            lesson.stepsSeen.append(step)
            lesson.stepsSeen.sort()
        }
        lessons[id] = lesson
    }

    public mutating func recordAnswer(lesson id: String, step: Int, choice: Int, correct: Bool) {
        var lesson = lessons[id] ?? LessonProgress()
        let first = lesson.answers.first { $0.step == step }.map(\.rightFirstTime) ?? correct
        lesson.answers.removeAll { $0.step == step }
        lesson.answers.append(AnswerRecord(step: step, choice: choice, correct: correct, firstTry: first))
        lesson.answers.sort { $0.step < $1.step }
        lessons[id] = lesson
    }

    public mutating func markFinished(lesson id: String) {
        var lesson = lessons[id] ?? LessonProgress()
        lesson.finished = true
        lessons[id] = lesson
    }

    /// Forgets everything about one lesson, or about every lesson when `id` is nil.
    public mutating func reset(lesson id: String? = nil) {
        if let id { lessons[id] = nil } else { lessons = [:] }
    }
}
