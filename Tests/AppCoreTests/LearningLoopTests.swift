import LessonKit
import TUI
import Testing
@testable import AppCore

/// The loop around a question, driven by keys: the reveal watched move by
/// move and replayed, the misconception shown, the summary at the end.
@Suite struct LearningLoopTests {
    func send(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            if let action = KeyMap.action(for: key, in: state) { effects += state.update(action) }
        }
        return effects
    }

    func completed(_ state: AppState) -> Int { state.session?.panes[0].machine.counters.requestsCompleted ?? -1 }

    /// The display's panes as the lesson's run has them (the state the answer was graded in).
    func showsTheGradedState(_ state: AppState) -> Bool {
        guard let session = state.session, let lesson = state.lesson else { return false }
        return session.clock == lesson.lesson.run.clock
            && session.panes.map(\.machine.counters.requestsCompleted) == lesson.lesson.panes.map(\.machine.counters.requestsCompleted)
            && session.panes.map { $0.machine.threads.map(\.state.letter) } == lesson.lesson.panes.map { $0.machine.threads.map(\.state.letter) }
    }

    @Test func theRevealPlaysFromTheQuestionAndCanBePausedSteppedAndSteppedBack() throws {
        var state = try SampleLesson.state()
        _ = send(&state, [.enter])
        let questionClock = state.session?.clock
        let effects = send(&state, [.character("a")])
        #expect(effects.contains { if case .scheduleTick = $0 { return true } else { return false } })
        #expect(state.isRunning)
        #expect(state.session?.clock == questionClock)
        #expect(completed(state) == 0)
        #expect(state.lesson?.notice == .watchingReveal)
        let moves = try #require(state.session?.script?.count)
        #expect(moves > 1)

        _ = send(&state, [.character("p")])
        #expect(!state.isRunning)
        _ = send(&state, [.character("s"), .character("s")])
        #expect(state.session?.script?.count == moves - 2)
        #expect(state.session?.history.count == 2)
        _ = send(&state, [.left])
        #expect(state.session?.script?.count == moves - 1, "a step back puts the move back in front")
        #expect(state.lesson?.lesson.stepIndex == 1)

        _ = send(&state, [.character("p")])
        while state.isRunning { _ = state.update(.tick()) }
        #expect(state.session?.script?.isEmpty == true)
        #expect(completed(state) == 1)
        #expect(showsTheGradedState(state), "the watched reveal ends where the answer was graded")
        #expect(state.lesson?.notice == .revealEnded)
        let text = state.view(size: Size(width: 120, height: 40)).plainText()
        #expect(text.contains("The reveal is over"))
    }

    @Test func capitalRReplaysTheRevealFromTheQuestionsMoment() throws {
        var state = try SampleLesson.state()
        _ = send(&state, [.enter])
        let questionClock = state.session?.clock
        _ = send(&state, [.character("a")])
        while state.isRunning { _ = state.update(.tick()) }
        #expect(showsTheGradedState(state))
        let replay = send(&state, [.character("R")])
        #expect(replay.contains { if case .scheduleTick = $0 { return true } else { return false } })
        #expect(state.session?.clock == questionClock)
        #expect(completed(state) == 0)
        #expect(state.lesson?.notice == .watchingReveal)
        while state.isRunning { _ = state.update(.tick()) }
        #expect(showsTheGradedState(state))
        // `r` still puts the simulation where the step left it: after the reveal.
        _ = send(&state, [.character("R"), .character("r")])
        #expect(!state.isRunning)
        #expect(showsTheGradedState(state))
        // Next goes on from the graded state even in the middle of a replay.
        _ = send(&state, [.character("R"), .enter])
        #expect(state.lesson?.lesson.stepIndex == 2)
        #expect(state.session?.script == nil)
    }

    @Test func aStepWithoutAnAnsweredQuestionHasNothingToReplay() throws {
        var state = try SampleLesson.state()
        _ = send(&state, [.character("R")])
        #expect(state.lesson?.notice == .nothingToReplay)
        _ = send(&state, [.enter, .character("R")])
        #expect(state.lesson?.lesson.pendingQuestion != nil)
        #expect(state.lesson?.notice == .nothingToReplay)
        #expect(!state.isRunning)
    }

    @Test func aLessonResumedAtAnAnsweredStepShowsTheGradedStateStill() throws {
        var walked = try SampleLesson.state()
        _ = send(&walked, [.enter, .character("a")])
        let progress = try #require(walked.lesson?.progress)
        #expect(progress.resumeStep(for: "sample") == 1)
        let reopened = AppState.lesson(LessonScreen(lesson: try LessonSession(lesson: SampleLesson.lesson(), factory: SampleLesson.factory),
                                                    progress: progress), options: UIOptions())
        #expect(reopened.lesson?.lesson.currentAnswer?.choice == 0)
        #expect(!reopened.isRunning)
        #expect(reopened.session?.script == nil)
        #expect(showsTheGradedState(reopened))
    }

    @Test func aWrongChoiceShowsItsMisconception() throws {
        let text = SampleLesson.text.replacingOccurrences(
            of: "    - text: Nothing; main waits for ever.\n      when: completions are 0\n",
            with: "    - text: Nothing; main waits for ever.\n      when: completions are 0\n      why: A finished request always sets the file object.\n")
        #expect(text != SampleLesson.text)
        let lesson = try LessonParser.parse(text, file: "sample.md", readProgram: BuiltinRuns.readProgram)
        var state = AppState.lesson(LessonScreen(lesson: try LessonSession(lesson: lesson, factory: SampleLesson.factory)),
                                    options: UIOptions())
        _ = send(&state, [.enter, .character("b")])
        let screen = state.view(size: Size(width: 120, height: 40)).plainText()
        #expect(screen.contains("Not quite: A finished request always sets"))
    }

    @Test func theLastStepSummarisesEachAnswerWithItsRule() throws {
        var state = try SampleLesson.state()
        _ = send(&state, [.enter, .character("b"), .enter, .enter])
        #expect(state.lesson?.lesson.isLastStep == true)
        let progress = try #require(state.lesson?.progress)
        let score = progress.score(for: try SampleLesson.lesson())
        #expect(score.finished && !score.mastered)
        let screen = state.view(size: Size(width: 200, height: 60)).plainText()
        #expect(screen.contains("Your answers: 0/1 right first time."))
        #expect(screen.contains("Step 2: What wakes main up?"))
        #expect(screen.contains("b) Nothing; main waits for ever."))
        #expect(screen.contains("Rule: Finishing a request sets the file object"))
    }
}
