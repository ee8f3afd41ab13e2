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
        #expect(text.contains("j/k move  a-c choose  Enter decide"))
        #expect(text.contains("a) 2 ") && text.contains("b) 0 ") && text.contains("c) 1 "), "each option shows the letter that selects it")

        // Nothing is selected on arrival: Enter (meant as "next") decides nothing and says how to choose.
        #expect(state.lesson?.decisionSelection == nil)
        send(&state, [.enter])
        #expect(state.lesson?.lesson.currentDecision == nil)
        #expect(!state.isRunning)
        #expect(state.lesson?.notice == .chooseOptionFirst)
        text = state.view(size: Size(width: 80, height: 24)).plainText()
        #expect(text.contains("You play the kernel: choose an option (j/k or its letter), then Enter"))
        #expect(text.contains("No option chosen yet: choose with j/k or a letter (a-c), then Enter."))

        // j/k move the selection (clamped; from none, k takes the last); Enter decides: option a (2) is wrong.
        send(&state, [.character("k")])
        #expect(state.lesson?.decisionSelection == 2)
        send(&state, [.up, .up, .up])
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
        // A decision clears the selection: another Enter decides nothing.
        #expect(state.lesson?.decisionSelection == nil)
        send(&state, [.enter])
        #expect(state.lesson?.lesson.currentDecision?.choices == [0])
        #expect(state.lesson?.notice == .chooseOptionFirst)
        send(&state, [.character("a"), .enter])
        #expect(state.lesson?.lesson.currentDecision?.choices == [0], "an option already tried is not another try")

        // The right one, by its letter: the rule is shown, the keys are ordinary again.
        send(&state, [.character("b")])
        #expect(state.lesson?.decisionSelection == 1)
        #expect(state.lesson?.lesson.currentDecision?.choices == [0], "a letter only selects")
        send(&state, [.enter])
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

    @Test func theOptionsTheirLettersAndTheHintAreOnScreenAtEverySize() throws {
        var state = try Self.state(try Self.lesson())
        _ = try toDecision(&state)
        send(&state, [.enter])
        #expect(state.lesson?.notice == .chooseOptionFirst)
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40),
                     Size(width: 200, height: 60)] {
            let text = state.view(size: size).plainText()
            for option in ["a) 2 ", "b) 0 ", "c) 1 "] {
                #expect(text.contains(option), "\(size.width)x\(size.height): option \(option)")
            }
            #expect(text.contains("No option chosen yet: choose with j/k or") && text.contains("a letter (a-c), then"),
                    "\(size.width)x\(size.height): the hint line, whole")
        }
    }

    @Test func aLessonReopenedAtADecisionMakesItAgainAsRecorded() throws {
        let lesson = try Self.lesson()
        var walked = try Self.state(lesson)
        let step = try toDecision(&walked)
        send(&walked, [.character("j"), .character("j"), .enter])
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
        // Forward with nothing chosen decides nothing: it says how to choose.
        _ = state.update(.presenter(.next))
        #expect(state.lesson?.lesson.currentDecision == nil)
        #expect(state.lesson?.notice == .chooseOptionFirst)
        _ = state.update(.lesson(.chooseDecision(1)))
        _ = state.update(.presenter(.next))
        #expect(state.lesson?.lesson.currentDecision?.choices == [1])
        #expect(state.lesson?.lesson.stepIndex == step)
        _ = state.update(.presenter(.next))
        #expect(state.lesson?.lesson.stepIndex == step + 1)
    }
}
