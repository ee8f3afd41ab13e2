import LessonKit
import SimRuntime
import TUI
import Testing
@testable import AppCore

/// Playing the kernel on the Lesson screen, by keys, on a built-in lesson
/// run by the real runtime: lesson 5's WaitForMultipleObjects decision.
@Suite struct DecideTests {
    func send(_ state: inout AppState, _ keys: [Key]) {
        for key in keys {
            if let action = KeyMap.action(for: key, in: state) { _ = state.update(action) }
        }
    }

    static func lesson() throws -> Lesson {
        let library = LessonLibrary(files: LessonLibrary.builtinFiles)
        return try #require(library.lessons.first { $0.id == "event-per-request" })
    }

    static func state(_ lesson: Lesson, progress: LessonKit.Progress = .init()) throws -> AppState {
        AppState.lesson(LessonScreen(lesson: try LessonSession(lesson: lesson, factory: BuiltinRuns.factory),
                                     progress: progress), options: UIOptions())
    }

    /// Goes to the step with the decision.
    func toDecision(_ state: inout AppState) throws -> Int {
        let lesson = try #require(state.lesson?.lesson.lesson)
        let step = try #require(lesson.steps.firstIndex { $0.decide != nil })
        while let index = state.lesson?.lesson.stepIndex, index < step {
            if let question = state.lesson?.lesson.pendingQuestion { _ = state.update(.lesson(.answer(question.answer))) }
            _ = state.update(.lesson(.next))
        }
        return step
    }

    @Test func theLearnerDecidesWithSelectionKeysAndMayRetryAWrongDecision() throws {
        var state = try Self.state(try Self.lesson())
        let step = try toDecision(&state)
        #expect(state.lesson?.lesson.stepIndex == step)
        let point = try #require(state.lesson?.lesson.arrival.decisionPoint)
        #expect(point.decision == .number(0), "WaitForMultipleObjects returns the lowest signaled index")
        #expect(point.option == 1)
        let atDecision = state.session?.clock

        // Not past the decision before it is made.
        send(&state, [.character("n")])
        #expect(state.lesson?.lesson.stepIndex == step)
        #expect(state.lesson?.notice == .decideFirst)
        send(&state, [.character("s")])
        #expect(state.session?.clock == atDecision)
        var text = state.view(size: Size(width: 120, height: 40)).plainText()
        #expect(text.contains("Decide: You are the kernel."))
        #expect(text.contains("j/k choose"))

        // j/k move the selection (clamped); Enter decides: option a (2) is wrong.
        send(&state, [.character("k"), .up])
        #expect(state.lesson?.decisionSelection == 0)
        send(&state, [.enter])
        #expect(state.lesson?.lesson.currentDecision?.correct == false)
        #expect(state.lesson?.lesson.openDecision != nil, "a wrong decision can be tried again")
        #expect(state.isRunning, "the kernel's real move plays from the decision point")
        #expect(state.session?.clock == atDecision)
        while state.isRunning { _ = state.update(.tick()) }
        text = state.view(size: Size(width: 120, height: 40)).plainText()
        #expect(text.contains("Not what the kernel decided."))
        #expect(!text.contains("Rule:"), "the rule would give the answer away while it asks again")
        send(&state, [.enter])
        #expect(state.lesson?.lesson.currentDecision?.choices == [0], "an option already tried is not another try")

        // The right one: the rule is shown, the keys are ordinary again.
        send(&state, [.character("j"), .enter])
        let tries = try #require(state.lesson?.lesson.currentDecision)
        #expect(tries.choices == [0, 1] && tries.correct && !tries.rightFirstTime)
        while state.isRunning { _ = state.update(.tick()) }
        text = state.view(size: Size(width: 120, height: 40)).plainText()
        #expect(text.contains("Right (try 2): the kernel decided 0."))
        #expect(text.contains("Rule: A wait-any that finds several"))
        #expect(state.lesson?.lesson.openDecision == nil)
        #expect(state.lesson?.progress.answer(lesson: "event-per-request", step: step)?.rightFirstTime == false)
        #expect(state.lesson?.progress.answer(lesson: "event-per-request", step: step)?.correct == true)
        send(&state, [.enter])
        #expect(state.lesson?.lesson.stepIndex == step + 1)
    }

    @Test func aLessonReopenedAtADecisionMakesItAgainAsRecorded() throws {
        let lesson = try Self.lesson()
        var walked = try Self.state(lesson)
        let step = try toDecision(&walked)
        send(&walked, [.character("j"), .enter])
        #expect(walked.lesson?.lesson.currentDecision?.correct == true)
        let progress = try #require(walked.lesson?.progress)
        #expect(progress.resumeStep(for: lesson.id) == step)
        let reopened = try Self.state(lesson, progress: progress)
        #expect(reopened.lesson?.lesson.stepIndex == step)
        #expect(reopened.lesson?.lesson.currentDecision?.choices == [1])
        #expect(!reopened.isRunning)
        #expect(reopened.session?.clock == reopened.lesson?.lesson.run.clock)
    }
}

@Suite struct PresentedDecisionTests {
    @Test func forwardInPresenterModeMakesTheSelectedDecision() throws {
        var state = try DecideTests.state(try DecideTests.lesson())
        let lesson = try #require(state.lesson?.lesson.lesson)
        let step = try #require(lesson.steps.firstIndex { $0.decide != nil })
        while let index = state.lesson?.lesson.stepIndex, index < step {
            if let question = state.lesson?.lesson.pendingQuestion { _ = state.update(.lesson(.answer(question.answer))) }
            _ = state.update(.lesson(.next))
        }
        _ = state.update(.presenter(.toggle))
        _ = state.update(.lesson(.moveDecision(1)))
        _ = state.update(.presenter(.next))
        #expect(state.lesson?.lesson.currentDecision?.choices == [1])
        #expect(state.lesson?.lesson.stepIndex == step)
        _ = state.update(.presenter(.next))
        #expect(state.lesson?.lesson.stepIndex == step + 1)
    }
}
