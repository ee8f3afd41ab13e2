extension Progress {
    /// Records where a learner is in a session: the current step as seen,
    /// its answer if given, and the lesson as finished once its last step is
    /// reached (answered or not, right or wrong: the score says how it went).
    public mutating func record(_ session: LessonSession) {
        let id = session.lesson.id
        markSeen(lesson: id, step: session.stepIndex)
        lessons[id]?.lastStep = session.stepIndex
        if let answer = session.currentAnswer {
            recordAnswer(lesson: id, step: session.stepIndex, choice: answer.choice, correct: answer.correct)
        }
        if session.isLastStep { markFinished(lesson: id) }
    }
}
