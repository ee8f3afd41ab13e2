import LessonKit
import SimRuntime
import TUI
import Testing
@testable import AppCore

/// Every built-in lesson, on the real C runtime, walked through on the
/// Lesson screen: each step drawn at the smallest and a large size, every
/// question answered with the author's answer, a hint asked for on the way.
@Suite struct BuiltinLessonScreenTests {
    @Test func everyBuiltInLessonWalksThroughOnTheLessonScreen() throws {
        let library = LessonLibrary(files: LessonLibrary.builtinFiles)
        #expect(library.failures.isEmpty)
        #expect(!library.lessons.isEmpty)
        for lesson in library.lessons {
            var state = AppState.lesson(LessonScreen(lesson: try LessonSession(lesson: lesson, factory: BuiltinRuns.factory)),
                                        options: UIOptions())
            var steps = 0
            while steps <= lesson.steps.count {
                for size in [Size(width: 80, height: 24), Size(width: 160, height: 48)] {
                    #expect(state.view(size: size).size == size)
                }
                _ = state.update(.lesson(.hint))
                if let question = state.lesson?.lesson.pendingQuestion {
                    for _ in Speed.levels { _ = state.update(.faster) }
                    _ = state.update(.lesson(.answer(question.answer)))
                    #expect(state.lesson?.lesson.currentAnswer?.correct == true,
                            "\(lesson.id) step \(steps + 1): the author's answer is what the kernel did")
                    // The watched reveal ends exactly where the answer was graded.
                    while state.isRunning { _ = state.update(.tick()) }
                    if let session = state.session, let run = state.lesson?.lesson.run {
                        #expect(session.clock == run.clock, "\(lesson.id) step \(steps + 1): the reveal played to its end")
                        #expect(session.panes.map(\.machine.threads) == run.panes.map(\.machine.threads))
                        #expect(session.panes.map(\.simulation.logCount) == run.panes.map(\.logCount))
                    }
                }
                if let session = state.lesson?.lesson, session.openDecision != nil {
                    let right = try #require(session.arrival.decisionPoint?.option, "\(lesson.id) step \(steps + 1): the kernel's decision is an option")
                    // A wrong decision first, then the kernel's: each is watched to its end.
                    let wrong = right == 0 ? 1 : 0
                    for (choice, correct) in [(wrong, false), (right, true)] {
                        _ = state.update(.lesson(.chooseDecision(choice)))
                        _ = state.update(.lesson(.decide))
                        #expect(state.lesson?.lesson.currentDecision?.correct == correct)
                        while state.isRunning { _ = state.update(.tick()) }
                        #expect(state.session?.clock == state.lesson?.lesson.run.clock)
                    }
                    #expect(state.lesson?.progress.answer(lesson: lesson.id, step: steps)?.rightFirstTime == false)
                }
                let before = state.lesson?.lesson.stepIndex
                _ = state.update(.lesson(.next))
                if state.lesson?.lesson.stepIndex == before { break }
                steps += 1
            }
            #expect(state.lesson?.lesson.isFinished == true, "\(lesson.id) did not reach its end")
            #expect(state.lesson?.progress.mark(for: lesson.id) == .finished)
        }
    }
}
