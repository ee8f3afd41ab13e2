import SimRuntime

/// The state of one learner working through one lesson, as the lesson screen
/// draws it: which step, what the simulation shows, whether the stop was
/// reached and the checkpoints hold, which hints are revealed and which
/// answers were given.
///
/// Pure and a value: every action is a mutating method, and going back a
/// step restores the exact simulation state the step was left in.
public struct LessonSession: Sendable {
    public let lesson: Lesson
    public private(set) var stepIndex: Int = 0
    public private(set) var run: LessonRun
    /// What happened when the current step was entered.
    public private(set) var arrival: Arrival
    /// Hints revealed so far, per step.
    public private(set) var revealedHintCounts: [Int]
    /// The learner's answer per step (nil while unanswered or without a question).
    public private(set) var answers: [Answer?]
    /// The runs as they were when each earlier step was left, for `previous()`.
    private var left: [(run: LessonRun, arrival: Arrival)] = []

    public struct CheckpointResult: Sendable, Equatable {
        public var checkpoint: Checkpoint
        public var evaluation: ConditionEvaluation
        public var passed: Bool { evaluation.holds }
    }

    public struct Arrival: Sendable, Equatable {
        /// Nil when the step has no stop condition.
        public var stop: LessonRun.AdvanceOutcome?
        /// Why the stop was not reached, in words; nil when it was.
        public var stopProblem: String?
        public var checkpoints: [CheckpointResult]
    }

    public struct Answer: Sendable, Equatable {
        public var choice: Int
        /// True when the chosen choice's condition held after the reveal.
        public var correct: Bool
        public var grade: QuestionGrader.Grade
        public var explanation: String
        /// The moves from the question's moment to the reveal, to watch them again.
        public var revealMoves: [LessonRun.Move] = []
    }

    public init(lesson: Lesson, factory: SimulationFactory) throws {
        try self.init(lesson: lesson, run: LessonRun(lesson: lesson, factory: factory))
    }

    public init(lesson: Lesson, run: LessonRun) {
        self.lesson = lesson
        self.run = run
        revealedHintCounts = Array(repeating: 0, count: lesson.steps.count)
        answers = Array(repeating: nil, count: lesson.steps.count)
        arrival = Arrival(stop: nil, stopProblem: nil, checkpoints: [])
        enterCurrentStep()
    }

    /// The current step. A lesson always has one (the parser insists); a
    /// hand-built lesson without steps shows an empty one rather than trapping.
    public var step: LessonStep {
        lesson.steps[safe: stepIndex] ?? LessonStep(title: lesson.title, line: 1, narrative: [])
    }
    public var panes: [any Simulation] { run.panes }
    public var isFirstStep: Bool { stepIndex == 0 }
    public var isLastStep: Bool { stepIndex >= lesson.steps.count - 1 }

    /// The current step's question, while it waits for an answer.
    public var pendingQuestion: Question? {
        currentAnswer == nil ? step.question : nil
    }

    public var currentAnswer: Answer? { answers[safe: stepIndex] ?? nil }

    /// The hints of this step revealed so far, in order.
    public var visibleHints: [String] { Array(step.hints.prefix(revealedHintCount)) }
    public var hasMoreHints: Bool { revealedHintCount < step.hints.count }
    private var revealedHintCount: Int { revealedHintCounts[safe: stepIndex] ?? 0 }

    /// True on the last step once its question (if any) is answered.
    public var isFinished: Bool { isLastStep && pendingQuestion == nil }

    /// Shows the next hint; false when there is none left.
    @discardableResult
    public mutating func revealHint() -> Bool {
        guard hasMoreHints, revealedHintCounts.indices.contains(stepIndex) else { return false }
        revealedHintCounts[stepIndex] += 1
        return true
    }

    /// Answers the current question: advances to the reveal and grades the
    /// choice by what the kernel did. Nil when there is no pending question or
    /// the index is not a choice.
    @discardableResult
    public mutating func choose(_ choice: Int) -> Answer? {
        guard let question = pendingQuestion, question.choices.indices.contains(choice),
              answers.indices.contains(stepIndex) else { return nil }
        let grade = QuestionGrader.reveal(question, in: &run, budget: step.budget)
        let answer = Answer(choice: choice, correct: grade.choices[safe: choice]?.holds ?? false, grade: grade,
                            explanation: question.explanation, revealMoves: question.reveal == nil ? [] : run.lastMoves)
        answers[stepIndex] = answer
        return answer
    }

    /// Moves to the next step and advances the simulation to its stop. False on the last step.
    @discardableResult
    public mutating func next() -> Bool {
        guard !isLastStep else { return false }
        left.append((run, arrival))
        stepIndex += 1
        enterCurrentStep()
        return true
    }

    /// Returns to the previous step, restoring the simulation as that step was left.
    @discardableResult
    public mutating func previous() -> Bool {
        guard stepIndex > 0, let last = left.popLast() else { return false }
        stepIndex -= 1
        run = last.run
        arrival = last.arrival
        return true
    }

    /// One step of the shared clock, for exploring inside a step.
    public mutating func stepClock() { run.step() }

    /// Re-evaluates the current step's checkpoints (after free stepping, say).
    public func evaluateCheckpoints() -> [CheckpointResult] {
        step.checkpoints.map { CheckpointResult(checkpoint: $0, evaluation: run.evaluate($0.condition)) }
    }

    private mutating func enterCurrentStep() {
        run.markBaseline()
        var outcome: LessonRun.AdvanceOutcome?
        var problem: String?
        if let stop = step.stop {
            let result = run.advance(until: stop, budget: step.budget)
            outcome = result
            if !result.reached { problem = LessonChecker.unreached(stop, result) }
        }
        arrival = Arrival(stop: outcome, stopProblem: problem, checkpoints: evaluateCheckpoints())
    }
}
