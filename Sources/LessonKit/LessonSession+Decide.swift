/// Playing the kernel: the learner makes the step's decision, the kernel
/// makes the real one, and a wrong decision can be tried again.
extension LessonSession {
    public struct DecisionTries: Sendable, Equatable {
        /// Every option tried, in order.
        public var choices: [Int]
        /// What the kernel decided, and the option naming it (nil: none does).
        public var kernel: KernelDecision
        public var kernelOption: Int?
        public var explanation: String
        /// The move that made the decision, to watch it.
        public var revealMoves: [LessonRun.Move]

        /// The last try was the kernel's decision.
        public var correct: Bool { choices.last != nil && choices.last == kernelOption }
        public var rightFirstTime: Bool { choices.first != nil && choices.first == kernelOption }
    }

    /// The tries at the current step's decision, once there is one.
    public var currentDecision: DecisionTries? { decisions[safe: stepIndex] ?? nil }

    /// The current step's decision while it waits for its first try.
    public var pendingDecision: Decision? {
        guard let decide = step.decide, arrival.decisionPoint != nil, currentDecision == nil else { return nil }
        return decide
    }

    /// The current step's decision while it is not yet made right (keys choose and confirm).
    public var openDecision: Decision? {
        guard let decide = step.decide, arrival.decisionPoint != nil, currentDecision?.correct != true else { return nil }
        return decide
    }

    /// The learner decides `option`. The first try lets the kernel make
    /// the real decision (the run moves past it); later tries are graded
    /// against the same decision. Nil when there is nothing to decide,
    /// `option` is not an option, or it was tried already (trying it again
    /// is not another try).
    @discardableResult
    public mutating func decide(_ option: Int) -> DecisionTries? {
        guard let decide = openDecision, let point = arrival.decisionPoint,
              decide.options.indices.contains(option), decisions.indices.contains(stepIndex) else { return nil }
        if currentDecision?.choices.contains(option) == true { return nil }
        var tries = currentDecision ?? DecisionTries(choices: [], kernel: point.decision, kernelOption: point.option,
                                                     explanation: decide.explanation, revealMoves: [])
        if currentDecision == nil {
            run.markBaseline()
            if run.step() { tries.revealMoves = [.lockstep] }
        }
        tries.choices.append(option)
        decisions[stepIndex] = tries
        return tries
    }
}
