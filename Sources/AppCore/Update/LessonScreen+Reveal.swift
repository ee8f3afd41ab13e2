import LessonKit

/// The reveal as something to watch: after an answer the display goes back
/// to the question's moment and replays the moves the reveal made, at the
/// chosen speed; it can be paused, stepped and stepped back like any run.
extension LessonScreen {
    /// The display at the question's moment with the reveal's moves as its
    /// script; nil when the reveal did not move the simulation.
    static func revealWatch(from questionMoment: Session, answer: LessonSession.Answer?) -> Session? {
        revealWatch(from: questionMoment, moves: answer?.revealMoves ?? [])
    }

    static func revealWatch(from questionMoment: Session, moves: [LessonRun.Move]) -> Session? {
        guard !moves.isEmpty else { return nil }
        var watch = questionMoment
        watch.running = false
        watch.steps = 0
        watch.history = []
        watch.checkpointSpacing = max(1, watch.recentSnapshots)
        watch.initialPanes = watch.panes
        watch.script = moves.map(Session.HistoryEntry.Step.init)
        return watch
    }

    /// Starts `watch` playing in `display` (keeping the display's speed and
    /// selections); the effect that schedules its first tick.
    mutating func play(_ watch: Session, into display: inout Session) -> [Effect] {
        let speed = display.speedLevel
        let selectedPane = display.selectedPane
        display = watch
        display.speedLevel = speed
        if display.panes.indices.contains(selectedPane) { display.selectedPane = selectedPane }
        display.running = true
        notice = .watchingReveal
        return [.scheduleTick(milliseconds: display.speed.tickMilliseconds)]
    }
}

extension Session.HistoryEntry.Step {
    init(_ move: LessonRun.Move) {
        switch move {
        case .lockstep: self = .lockstep
        case .pausingStep: self = .pausingStep
        case .statement(let pane, let thread): self = .statement(pane: pane, thread: thread)
        }
    }
}
