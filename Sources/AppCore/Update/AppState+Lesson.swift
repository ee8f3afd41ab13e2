import LessonKit

/// The Lesson screen's part of the reducer.
extension AppState {
    mutating func lessonAction(_ action: LessonAction) -> [Effect] {
        guard var screen = lesson, var display = session else { return [] }
        let previousNotice = screen.notice
        screen.notice = nil
        var effects: [Effect] = []
        /// Leaving the current simulation state stops a run first.
        func pause() {
            if display.running { display.running = false; effects.append(.cancelTick) }
        }
        switch action {
        case .next:
            if let question = screen.lesson.pendingQuestion {
                screen.notice = .answerFirst(choices: question.choices.count)
            } else if screen.lesson.pendingDecision != nil {
                screen.notice = .decideFirst
            } else if screen.lesson.next() {
                screen.decisionSelection = nil
                pause()
                screen.earlierArrivals.append(screen.arrival)
                screen.arrival = LessonScreen.display(for: screen.lesson, continuing: screen.arrival)
                display = screen.arrival
                screen.textScroll = 0
                screen.textFromBottom = false
                effects += screen.recordProgress()
            } else if case .nextLesson(let id, _, _)? = previousNotice {
                // The second Enter on a finished lesson opens the next one.
                effects += screen.recordProgress()
                effects.append(.openLesson(id: id))
            } else {
                let ids = home.lessons.map(\.id)
                if let index = ids.firstIndex(of: screen.lesson.lesson.id), index + 1 < ids.count {
                    screen.notice = .nextLesson(id: ids[index + 1], number: index + 2, title: home.lessons[index + 1].title)
                } else {
                    screen.notice = .lessonFinished
                }
                effects += screen.recordProgress()
            }
        case .back:
            if !display.history.isEmpty {
                pause()
                display.stepBack()
            } else {
                return goToPrevious(&screen, display: display, effects: effects)
            }
        case .previous:
            return goToPrevious(&screen, display: display, effects: effects)
        case .hint:
            if screen.lesson.step.hints.isEmpty {
                screen.notice = .noHints
            } else if screen.lesson.revealHint() {
                screen.textScroll = 0
                screen.textFromBottom = true
            } else {
                screen.notice = .noMoreHints
            }
        case .answer(let index):
            guard let question = screen.lesson.pendingQuestion else { break }
            guard question.choices.indices.contains(index) else {
                screen.notice = .answerFirst(choices: question.choices.count)
                break
            }
            pause()
            let questionMoment = display
            screen.lesson.choose(index)
            screen.arrival = LessonScreen.display(for: screen.lesson, continuing: screen.arrival)
            display = screen.arrival
            if let watch = LessonScreen.revealWatch(from: questionMoment, answer: screen.lesson.currentAnswer) {
                // The reveal plays move by move from the question's moment.
                screen.revealStarts[screen.lesson.stepIndex] = watch
                effects += screen.play(watch, into: &display)
            }
            screen.textScroll = 0
            screen.textFromBottom = true
            effects += screen.recordProgress()
        case .restartStep:
            pause()
            display = screen.arrival
        case .scroll(let delta):
            // Down moves the top anchor down, or the bottom anchor towards the end.
            let moved = screen.textScroll + (screen.textFromBottom ? -delta : delta)
            screen.textScroll = min(max(0, moved), LessonTextPanel.scrollLimit(screen))
        case .toggleFocus:
            if screen.isCompare { screen.focusesSelectedPane.toggle() }
        case .moveDecision(let delta):
            guard let decide = screen.lesson.openDecision, !decide.options.isEmpty else { break }
            // From no choice, down picks the first option and up the last.
            let from = screen.decisionSelection ?? (delta > 0 ? -1 : decide.options.count)
            screen.decisionSelection = min(max(0, from + delta), decide.options.count - 1)
        case .chooseDecision(let index):
            guard let decide = screen.lesson.openDecision, decide.options.indices.contains(index) else { break }
            screen.decisionSelection = index
        case .decide:
            effects += decide(&screen, display: &display)
        case .replayReveal:
            guard screen.lesson.currentAnswer != nil, let watch = screen.revealStarts[screen.lesson.stepIndex] else {
                screen.notice = .nothingToReplay
                break
            }
            pause()
            effects += screen.play(watch, into: &display)
        case .startOver:
            guard screen.lesson.stepIndex > 0 else {
                screen.notice = .firstStep
                break
            }
            // Steps back one by one, so each is exactly as it was left.
            pause()
            lesson = screen
            session = display
            while let index = lesson?.lesson.stepIndex, index > 0 {
                _ = lessonAction(.previous)
                if lesson?.lesson.stepIndex == index { break }
            }
            // One save, of where the learner ends up.
            guard let progress = lesson?.progress, progress != screen.progress else { return effects }
            return effects + [.saveProgress(progress)]
        }
        display.returnsToHome = session?.returnsToHome ?? display.returnsToHome
        session = display
        lesson = screen
        return effects
    }

    private mutating func goToPrevious(_ screen: inout LessonScreen, display: Session, effects: [Effect]) -> [Effect] {
        var effects = effects
        var display = display
        if screen.lesson.previous() {
            screen.decisionSelection = nil
            if display.running { effects.append(.cancelTick) }
            screen.arrival = screen.earlierArrivals.popLast() ?? LessonScreen.display(for: screen.lesson)
            display = screen.arrival
            screen.textScroll = 0
            screen.textFromBottom = false
            // Where the learner now is, for resuming.
            effects += screen.recordProgress()
        } else {
            screen.notice = .firstStep
        }
        display.returnsToHome = session?.returnsToHome ?? display.returnsToHome
        session = display
        lesson = screen
        return effects
    }

    /// Free stepping is exploring what comes next: not before the question is answered.
    /// Returns true (and says why) when `action` must be refused on the Lesson screen.
    mutating func lessonRefuses(_ action: Action) -> Bool {
        guard screen == .lesson, var screenState = lesson else { return false }
        screenState.notice = nil
        defer { lesson = screenState }
        switch action {
        case .stepEvent, .stepStatement, .toggleRun:
            if let question = screenState.lesson.pendingQuestion {
                screenState.notice = .answerFirst(choices: question.choices.count)
                return true
            }
            if screenState.lesson.pendingDecision != nil {
                screenState.notice = .decideFirst
                return true
            }
            return false
        default:
            return false
        }
    }

    /// Reopens the lesson where the learner left it: the steps before are
    /// taken again with the answers given then (the simulation is
    /// deterministic, so the state is exactly as it was), up to the first
    /// question without a recorded answer. The replay records the same steps
    /// and answers again, so the progress ends where it was.
    mutating func resumeLesson() {
        guard let screen = lesson, let target = screen.resumeStep else { return }
        lesson?.resumeStep = nil
        let id = screen.lesson.lesson.id
        let progress = screen.progress
        while let current = lesson, current.lesson.stepIndex < target {
            if let question = current.lesson.pendingQuestion {
                guard let recorded = progress.answer(lesson: id, step: current.lesson.stepIndex),
                      question.choices.indices.contains(recorded.choice) else { break }
                _ = lessonAction(.answer(recorded.choice))
            }
            if current.lesson.pendingDecision != nil {
                guard let recorded = progress.answer(lesson: id, step: current.lesson.stepIndex) else { break }
                redecide(recorded.choice)
            }
            _ = lessonAction(.next)
            if lesson?.lesson.stepIndex == current.lesson.stepIndex { break }
        }
        // The step it was left at: its question too, if it was answered.
        if let current = lesson, current.lesson.stepIndex == target, current.lesson.pendingQuestion != nil,
           let recorded = progress.answer(lesson: id, step: target) {
            _ = lessonAction(.answer(recorded.choice))
        }
        if let current = lesson, current.lesson.stepIndex == target, current.lesson.pendingDecision != nil,
           let recorded = progress.answer(lesson: id, step: target) {
            redecide(recorded.choice)
        }
        // Resuming shows the state the learner left, not a reveal playing again.
        if let arrival = lesson?.arrival, session?.script != nil { session = arrival }
        if let step = lesson?.lesson.stepIndex, step > 0 { lesson?.notice = .resumed(step: step) }
    }

    /// Leaves the Lesson screen: Home when it came from there, else the app ends.
    mutating func leaveLesson() -> [Effect] {
        let progress = lesson?.progress
        if session?.returnsToHome ?? false {
            session?.running = false
            if let progress {
                for index in home.lessons.indices {
                    let mark = progress.mark(for: home.lessons[index].id)
                    home.lessons[index].done = mark == .finished
                    home.lessons[index].started = mark == .started
                }
            }
            screen = .home
            session = nil
            lesson = nil
            return [.cancelTick]
        }
        finished = true
        return [.quit]
    }
}

extension LessonScreen {
    /// Notes the current step (and answer, and the end) in the progress; the effect that stores it.
    mutating func recordProgress() -> [Effect] {
        let before = progress
        progress.record(lesson)
        return progress == before ? [] : [.saveProgress(progress)]
    }
}
