import Foundation
import LessonKit
import TUI
import Testing
@testable import AppCore

/// The Lesson screen driven by keys: next, back, hints, answers, exploring.
@Suite struct LessonScreenTests {
    func send(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            if let action = KeyMap.action(for: key, in: state) { effects += state.update(action) }
        }
        return effects
    }

    func machines(_ state: AppState) -> [MachineViewSnapshot] {
        (state.session?.panes ?? []).map { MachineViewSnapshot(now: $0.machine.now, threads: $0.machine.threads.map(\.state.letter),
                                                              done: $0.machine.counters.requestsCompleted) }
    }

    struct MachineViewSnapshot: Equatable {
        var now: UInt64
        var threads: [Character]
        var done: Int
    }

    @Test func opensOnTheFirstStep() throws {
        let state = try SampleLesson.state()
        #expect(state.screen == .lesson)
        #expect(state.lesson?.lesson.stepIndex == 0)
        #expect(state.session?.panes.count == 1)
        #expect(state.lesson?.progress.mark(for: "sample") == .started)
    }

    @Test func nextAdvancesToTheStopAndSavesProgress() throws {
        var state = try SampleLesson.state()
        let effects = send(&state, [.enter])
        #expect(state.lesson?.lesson.stepIndex == 1)
        #expect(state.lesson?.lesson.arrival.stop?.reached == true)
        if case .waiting = state.session?.panes[0].machine.thread(1)?.state {} else {
            Issue.record("main should wait at the step's stop")
        }
        #expect(effects.contains { if case .saveProgress(let p) = $0 { return p.lessons["sample"]?.stepsSeen == [0, 1] } else { return false } })
    }

    @Test func nextIsRefusedUntilTheQuestionIsAnswered() throws {
        var state = try SampleLesson.state()
        _ = send(&state, [.enter])
        #expect(state.lesson?.lesson.pendingQuestion != nil)
        _ = send(&state, [.enter, .right, .character("n")])
        #expect(state.lesson?.lesson.stepIndex == 1)
        #expect(state.lesson?.notice == .answerFirst(choices: 3))
        // Exploring is refused too: it would show the answer.
        let before = machines(state)
        _ = send(&state, [.character("s"), .character("t"), .character("p")])
        #expect(machines(state) == before)
        #expect(!state.isRunning)
        #expect(state.lesson?.notice == .answerFirst(choices: 3))
        // A key beyond the choices is not an answer.
        _ = send(&state, [.character("d")])
        #expect(state.lesson?.lesson.currentAnswer == nil)
        let effects = send(&state, [.character("b")])
        let answer = try #require(state.lesson?.lesson.currentAnswer)
        #expect(answer.choice == 1)
        #expect(!answer.correct)
        #expect(answer.grade.holdingChoices == [0])
        #expect(state.session?.panes[0].machine.counters.requestsCompleted == 0, "the reveal plays from the question's moment")
        #expect(state.isRunning)
        while state.isRunning { _ = state.update(.tick()) }
        #expect(state.session?.panes[0].machine.counters.requestsCompleted == 1, "the display shows the reveal")
        #expect(effects.contains { if case .saveProgress(let p) = $0 { return p.lessons["sample"]?.answers.first?.choice == 1 } else { return false } })
        _ = send(&state, [.enter])
        #expect(state.lesson?.lesson.stepIndex == 2)
    }

    @Test func digitsNeverAnswerAndLettersOnlyAnswerWhileAQuestionWaits() throws {
        var state = try SampleLesson.state()
        _ = send(&state, [.enter, .character("1")])
        #expect(state.lesson?.lesson.currentAnswer == nil, "a digit selects a pane, it never answers")
        _ = send(&state, [.character("2")])
        #expect(state.lesson?.lesson.currentAnswer == nil)
        #expect(state.lesson?.notice == .answerFirst(choices: 3), "and says which keys answer")
        // While the question waits, b answers; it is not back.
        _ = send(&state, [.character("b")])
        #expect(state.lesson?.lesson.stepIndex == 1)
        #expect(state.lesson?.lesson.currentAnswer?.choice == 1)
        // Once answered, b means nothing: back is Left or Backspace.
        _ = send(&state, [.character("b")])
        #expect(state.lesson?.lesson.stepIndex == 1)
        _ = send(&state, [.backspace])
        #expect(state.lesson?.lesson.stepIndex == 0)
    }

    @Test func keyBarAndHelpSayWhichKeysAnswerAndWhichGoBack() throws {
        var state = try SampleLesson.state()
        _ = send(&state, [.enter])
        let waiting = KeyMap.hints(for: state)
        #expect(waiting.first == KeyBar.Item("a-c", "answer"))
        #expect(waiting.contains(KeyBar.Item("Left", "back")))
        #expect(!waiting.contains { $0.key == "b" || $0.key.contains("1") })
        let help = LessonHelpOverlay.rows.map(\.0)
        #expect(help.contains("Left  Bksp"))
        #expect(!help.contains { $0.hasPrefix("b ") || $0.contains("1-9") })
    }

    @Test func hintsAppearOneAtATime() throws {
        var state = try SampleLesson.state()
        _ = send(&state, [.character("h")])
        #expect(state.lesson?.lesson.visibleHints.count == 1)
        _ = send(&state, [.character("h")])
        #expect(state.lesson?.lesson.visibleHints.count == 2)
        _ = send(&state, [.character("h")])
        #expect(state.lesson?.lesson.visibleHints.count == 2)
        #expect(state.lesson?.notice == .noMoreHints)
    }

    @Test func previousRestoresTheStepExactly() throws {
        var state = try SampleLesson.state()
        _ = send(&state, [.enter, .character("a")])
        while state.isRunning { _ = state.update(.tick()) }
        let step2 = machines(state)
        let clock = state.session?.clock
        let tracks = state.session?.panes.map(\.tracks)
        _ = send(&state, [.enter])
        #expect(state.lesson?.lesson.stepIndex == 2)
        #expect(machines(state) != step2)
        _ = send(&state, [.left])
        #expect(state.lesson?.lesson.stepIndex == 1)
        #expect(machines(state) == step2)
        #expect(state.session?.clock == clock)
        #expect(state.session?.panes.map(\.tracks) == tracks)
        #expect(state.lesson?.lesson.currentAnswer?.choice == 0, "the answer is kept")
        _ = send(&state, [.character("v"), .character("v")])
        #expect(state.lesson?.lesson.stepIndex == 0)
        #expect(state.lesson?.notice == .firstStep)
    }

    @Test func exploringMovesOnlyTheCopyAndBackUndoesItFirst() throws {
        var state = try SampleLesson.state()
        _ = send(&state, [.enter, .character("a"), .enter])
        let arrived = machines(state)
        _ = send(&state, [.character("s"), .character("s")])
        #expect(state.session?.steps == 2)
        #expect(machines(state) != arrived)
        #expect(state.lesson?.lesson.panes[0].machine.now == arrived.first?.now, "the lesson's own run stays put")
        _ = send(&state, [.left])
        #expect(state.session?.steps == 1)
        _ = send(&state, [.character("r")])
        #expect(machines(state) == arrived)
        #expect(state.lesson?.lesson.stepIndex == 2)
        _ = send(&state, [.character("s"), .backspace, .left])
        #expect(state.lesson?.lesson.stepIndex == 1, "with nothing left to undo, back is the previous step")
    }

    @Test func runningIsPausedWhenTheStepChanges() throws {
        var state = try SampleLesson.state()
        let started = send(&state, [.character("p")])
        #expect(state.isRunning)
        #expect(started.contains { if case .scheduleTick = $0 { return true } else { return false } })
        let effects = send(&state, [.enter])
        #expect(!state.isRunning)
        #expect(effects.contains(.cancelTick))
    }

    @Test func finishingTheLessonMarksItAndHomeShowsIt() throws {
        var state = try SampleLesson.state()
        state.home = HomeState(lessons: [HomeState.LessonEntry(id: "sample", title: "Waiting on the device", done: false)])
        state.session?.returnsToHome = true
        _ = send(&state, [.enter, .character("a"), .enter, .enter])
        #expect(state.lesson?.lesson.isFinished == true)
        #expect(state.lesson?.progress.mark(for: "sample") == .finished)
        _ = send(&state, [.enter])
        #expect(state.lesson?.notice == .lessonFinished)
        let effects = send(&state, [.character("q")])
        #expect(effects == [.cancelTick])
        #expect(state.screen == .home)
        #expect(state.lesson == nil && state.session == nil)
        #expect(state.home.lessons.first?.done == true)
        #expect(state.home.lessons.first?.started == false)
    }

    @Test func leavingMidwayShowsTheLessonAsStartedOnHome() throws {
        var state = try SampleLesson.state()
        state.home = HomeState(lessons: [HomeState.LessonEntry(id: "sample", title: "Waiting on the device", done: false)])
        state.session?.returnsToHome = true
        _ = send(&state, [.enter, .character("q")])
        #expect(state.home.lessons.first?.started == true)
        #expect(state.home.lessons.first?.done == false)
        #expect(state.view(size: Size(width: 80, height: 24)).plainText().contains("◐ 1  Waiting on the device"))
    }

    @Test func quittingALessonOpenedDirectlyEndsTheApp() throws {
        var state = try SampleLesson.state()
        #expect(send(&state, [.escape]) == [.quit])
        #expect(state.finished)
    }

    @Test func homeOpensALessonThroughAnEffect() throws {
        var state = AppState(home: HomeState(lessons: [HomeState.LessonEntry(id: "sample", title: "Sample", done: false)], selection: 0))
        #expect(send(&state, [.enter]) == [.openLesson(id: "sample")])
        var screen = try SampleLesson.screen()
        screen.arrival.returnsToHome = true
        let effects = state.update(.lessonOpened(screen))
        #expect(state.screen == .lesson)
        #expect(effects.first == .cancelTick)
        #expect(send(&state, [.character("q")]) == [.cancelTick])
        #expect(state.screen == .home)
    }

    @Test func helpOnTheLessonScreenListsTheLessonKeys() throws {
        var state = try SampleLesson.state()
        _ = send(&state, [.character("?")])
        let text = state.view(size: Size(width: 100, height: 30)).plainText()
        #expect(text.contains("Lesson keys"))
        #expect(text.contains("show the next hint"))
        _ = send(&state, [.character("?")])
        #expect(state.overlay == nil)
    }

    @Test func textScrollsWithinItsLength() throws {
        var state = try SampleLesson.state()
        _ = send(&state, Array(repeating: .character("J"), count: 200))
        let limit = LessonTextPanel.scrollLimit(try #require(state.lesson))
        #expect(state.lesson?.textScroll == limit)
        _ = send(&state, Array(repeating: .character("K"), count: 200))
        #expect(state.lesson?.textScroll == 0)
    }

    @Test func aLessonWithSeveralProgramsShowsEveryPaneAndFocusesOne() throws {
        var state = AppState.lesson(try SampleLesson.compareScreen(), options: UIOptions())
        let size = Size(width: 160, height: 48)
        let all = state.view(size: size).plainText()
        #expect(all.contains("Device handle") && all.contains("Completion port"))
        #expect(!all.contains("Kernel events"))
        _ = send(&state, [.character("2"), .character("f")])
        let focused = state.view(size: size).plainText()
        #expect(focused.contains("Kernel events"))
        #expect(focused.contains("method4-iocp.c"))
        _ = send(&state, [.character("f")])
        #expect(!state.view(size: size).plainText().contains("Kernel events"))
        let narrow = state.view(size: Size(width: 80, height: 24)).plainText()
        #expect(narrow.contains("1 Device handle") && narrow.contains("2 Completion"))
    }

    @Test func anyKeysInAnyOrderNeverTrap() throws {
        let keys: [Key] = [.enter, .left, .right, .up, .down, .tab, .backTab, .backspace, .pageUp, .pageDown, .escape]
            + "abcdefhjklnprstuvJKH123456789?f+- ".map { Key.character($0) }
        var state = try SampleLesson.state()
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<1500 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = keys[Int(seed >> 33) % keys.count]
            if key == .escape || key == .character("q") { continue }
            if let action = KeyMap.action(for: key, in: state) { _ = state.update(action) }
            if state.isRunning { _ = state.update(.tick()) }
            if round % 50 == 0 {
                let size = round % 100 == 0 ? Size(width: 80, height: 24) : Size(width: 160, height: 48)
                #expect(state.view(size: size).size == size)
            }
        }
        #expect(state.screen == .lesson)
    }
}

@Suite struct NextLessonTests {
    @Test func enterOnTheFinishedLastStepOffersThenOpensTheNextLesson() throws {
        let screen = try SampleLesson.screen()
        let id = screen.lesson.lesson.id
        let home = HomeState(lessons: [HomeState.LessonEntry(id: id, title: "This one", done: false),
                                       HomeState.LessonEntry(id: "after", title: "The next one", done: false)])
        var state = AppState.lesson(screen, options: UIOptions(), home: home)
        for _ in 0..<20 {
            if let question = state.lesson?.lesson.pendingQuestion { _ = state.update(.lesson(.answer(question.answer))) }
            if state.lesson?.lesson.isLastStep == true { break }
            _ = state.update(.lesson(.next))
        }
        let finished = state.lesson?.lesson.isFinished == true
        #expect(finished)
        let first = state.update(.lesson(.next))
        let offered = state.lesson?.notice == .nextLesson(id: "after", number: 2, title: "The next one")
        #expect(offered, "notice: \(String(describing: state.lesson?.notice))")
        #expect(!first.contains(.openLesson(id: "after")))
        let text = state.view(size: Size(width: 120, height: 40)).plainText()
        let shown = text.contains("Enter opens lesson 2:") && text.contains("The next one")
        #expect(shown)
        let second = state.update(.lesson(.next))
        let opens = second.contains(.openLesson(id: "after"))
        #expect(opens)
    }
}

@Suite struct ResumeTests {
    @Test func aLessonReopensWhereItWasLeftAndHomeStartsOver() throws {
        // A learner who answered step 2's question and went on to step 3.
        var walked = AppState.lesson(try SampleLesson.screen(), options: UIOptions())
        _ = walked.update(.lesson(.next))
        let question = try #require(walked.lesson?.lesson.pendingQuestion)
        _ = walked.update(.lesson(.answer(question.answer)))
        _ = walked.update(.lesson(.next))
        let progress = try #require(walked.lesson?.progress)
        #expect(progress.resumeStep(for: try SampleLesson.lesson().id) == 2)

        var reopened = AppState.lesson(LessonScreen(lesson: try LessonSession(lesson: SampleLesson.lesson(), factory: SampleLesson.factory),
                                                    progress: progress), options: UIOptions())
        #expect(reopened.lesson?.lesson.stepIndex == 2)
        #expect(reopened.lesson?.notice == .resumed(step: 2))
        #expect(reopened.lesson?.progress.resumeStep(for: try SampleLesson.lesson().id) == 2, "saved as it was")
        #expect(reopened.session?.clock == walked.session?.clock, "the same simulation state as when it was left")
        #expect(reopened.lesson?.lesson.answers == walked.lesson?.lesson.answers)
        let text = reopened.view(size: Size(width: 120, height: 40)).plainText()
        #expect(text.contains("Resumed at step 3"))

        let effects = reopened.update(KeyMap.action(for: .home, in: reopened)!)
        #expect(reopened.lesson?.lesson.stepIndex == 0)
        let saves = effects.compactMap { effect -> LessonKit.Progress? in
            if case .saveProgress(let progress) = effect { return progress } else { return nil }
        }
        #expect(saves.count == 1, "one save for the whole start over")
        #expect(saves.first?.resumeStep(for: try SampleLesson.lesson().id) == nil, "it reopens at the start")
    }

    @Test func progressFilesWithoutALastStepStillLoad() throws {
        let json = #"{"version":1,"lessons":{"a":{"stepsSeen":[0,1],"answers":[],"finished":false}}}"#
        let progress = try JSONDecoder().decode(Progress.self, from: Data(json.utf8))
        #expect(progress.mark(for: "a") == .started)
        #expect(progress.resumeStep(for: "a") == nil)
    }
}

@Suite struct ProgressSaveFailureTests {
    @Test func aFailedSaveIsSaidOnTheScreen() throws {
        var state = AppState.lesson(try SampleLesson.screen(), options: UIOptions())
        _ = state.update(.progressSaveFailed("could not save progress to /x/progress.json: read-only"))
        let text = state.view(size: Size(width: 120, height: 40)).plainText()
        #expect(text.contains("Progress not saved"))
        #expect(state.status?.contains("read-only") == true, "Home says it too")
    }
}
