import LessonKit
import SimRuntime
import TUI
import Testing
@testable import AppCore

/// Presenter mode and the class vote: golden screens at 100×30 (the room's
/// size), the clicker keys, the vote's counts, countdown and rounds, and the
/// reveal answering with the class's majority.
@Suite struct PresenterTests {
    static func key(_ c: Character) -> Key { .character(c) }

    /// Applies keys as the terminal would deliver them.
    static func press(_ keys: [Key], on state: inout AppState) {
        for key in keys {
            if let action = KeyMap.action(for: key, in: state) { _ = state.update(action) }
        }
    }

    static func presentingLesson() throws -> AppState {
        var state = try RealRunGoldenTests.lesson("waiting-on-the-device", nexts: 0)
        press([key("P")], on: &state)
        return state
    }

    static func state(_ name: String) throws -> AppState {
        switch name {
        case "presenter-lesson":
            return try presentingLesson()
        case "presenter-vote":
            var state = try presentingLesson()
            press([.pageDown, key("1"), key("2"), key("b"), key("3"), key("t")], on: &state)
            _ = state.update(.tick(.unlimited))
            return state
        case "presenter-vote-round-2":
            var state = try presentingLesson()
            press([.pageDown, key("1"), key("2"), key("b"), key("3"), key("v"), key("a"), key("1"), key("4"), key("b"), key("1")], on: &state)
            return state
        case "presenter-results":
            var state = try presentingLesson()
            press([.pageDown, key("1"), key("2"), key("b"), key("3"), key("v"), key("a"), key("1"), key("4"), key("b"), key("1"), key(" ")],
                  on: &state)
            // The reveal plays to its end.
            while state.isRunning { _ = state.update(.tick(.unlimited)) }
            return state
        case "presenter-compare":
            var state = AppState.compare(try RealRunGoldenTests.realCompare(steps: 0), options: UIOptions())
            state.session?.selectedPane = 3
            press([key("P")] + Array(repeating: Key.right, count: 40), on: &state)
            return state
        default:
            throw GoldenError.unknown(name)
        }
    }

    enum GoldenError: Error { case unknown(String) }

    static let screens = ["presenter-lesson", "presenter-vote", "presenter-vote-round-2", "presenter-results", "presenter-compare"]

    @Test(arguments: screens)
    func screenMatchesGolden(_ name: String) throws {
        try GoldenScreenTests.check(Self.state(name), name: name, width: 100, height: 30)
    }

    @Test func theVoteIsTitledAndHidesTheAnswer() throws {
        let text = try Self.state("presenter-vote").view(size: Size(width: 100, height: 30)).plainText()
        #expect(text.contains("Vote"))
        #expect(text.contains("[  12]") && text.contains("[   3]"))
        #expect(text.contains("countdown 29 s"))
        #expect(!text.contains("✓"), "no hint of the answer")
        let lesson = try #require(try Self.state("presenter-vote").lesson)
        #expect(lesson.lesson.pendingQuestion != nil, "counting votes answers nothing")
    }

    @Test func theRevealAnswersWithTheMajorityAndDrawsTheCounts() throws {
        let state = try Self.state("presenter-results")
        let answer = try #require(state.lesson?.lesson.currentAnswer)
        #expect(answer.choice == 0, "round 2's majority (14 to 1)")
        let text = state.view(size: Size(width: 100, height: 30)).plainText()
        #expect(text.contains("✓ a) It wakes up"))
        #expect(text.contains("round 1") && text.contains("round 2"))
        #expect(text.contains(" 14\n"))
    }

    @Test func clickerKeysMoveAndPLeaves() throws {
        var state = try Self.presentingLesson()
        #expect(state.isPresenting)
        Self.press([.right], on: &state)
        #expect(state.lesson?.lesson.stepIndex == 1)
        Self.press([.right], on: &state)   // the reveal, with no votes: the author's answer
        #expect(state.lesson?.lesson.currentAnswer != nil)
        Self.press([Key.pageDown], on: &state)
        #expect(state.lesson?.lesson.stepIndex == 2)
        Self.press([.pageUp], on: &state)
        #expect(state.lesson?.lesson.stepIndex == 1)
        Self.press([Self.key("P")], on: &state)
        #expect(!state.isPresenting)
        #expect(!state.view(size: Size(width: 100, height: 30)).plainText().contains("PRESENTING"))
    }

    @Test func theCountdownEndsAtZeroAndStopsTicking() throws {
        var state = try Self.presentingLesson()
        Self.press([.pageDown, Self.key("t")], on: &state)
        #expect(state.presenter?.countdown == PresenterState.countdownSeconds)
        var effects: [Effect] = []
        for _ in 0..<PresenterState.countdownSeconds { effects = state.update(.tick(.unlimited)) }
        #expect(state.presenter?.countdown == 0)
        #expect(effects == [.cancelTick])
        #expect(state.view(size: Size(width: 100, height: 30)).plainText().contains("time is up"))
    }
}
