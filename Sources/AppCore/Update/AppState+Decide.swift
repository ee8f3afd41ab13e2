import LessonKit

/// Playing the kernel on the Lesson screen: the learner's decision is made
/// in the lesson, then the kernel's move is watched from the decision point.
extension AppState {
    mutating func decide(_ screen: inout LessonScreen, display: inout Session) -> [Effect] {
        guard let decide = screen.lesson.openDecision else { return [] }
        guard let choice = screen.decisionSelection, decide.options.indices.contains(choice) else {
            screen.notice = .chooseOptionFirst
            return []
        }
        var effects: [Effect] = []
        if display.running { display.running = false; effects.append(.cancelTick) }
        let step = screen.lesson.stepIndex
        let firstTry = screen.lesson.currentDecision == nil
        // The decision point: the arrival before the first try, the kept start after.
        let decisionMoment = firstTry ? screen.arrival : (screen.revealStarts[step] ?? screen.arrival)
        guard let tries = screen.lesson.decide(choice) else { return effects }
        // The next try is chosen afresh: an Enter meant as "next" decides nothing.
        screen.decisionSelection = nil
        if firstTry {
            screen.arrival = LessonScreen.display(for: screen.lesson, continuing: screen.arrival)
            display = screen.arrival
            if let watch = LessonScreen.revealWatch(from: decisionMoment, moves: tries.revealMoves) {
                screen.revealStarts[step] = watch
            }
        }
        if let watch = screen.revealStarts[step] { effects += screen.play(watch, into: &display) }
        screen.textScroll = 0
        screen.textFromBottom = true
        return effects + screen.recordProgress()
    }

    /// Makes a recorded decision again (reopening a lesson where it was left).
    mutating func redecide(_ choice: Int) {
        lesson?.decisionSelection = choice
        _ = lessonAction(.decide)
    }
}
