import TUI
import Testing
@testable import AppCore

/// Keys a terminal sends without a letter (Home, End, PgUp, PgDn, Tab,
/// arrows, F-keys) move, scroll or do nothing on every screen; none of them
/// quits or leaves the screen.
@Suite struct KeySafetyTests {
    static let navigationKeys: [Key] = [.home, .end, .pageUp, .pageDown, .tab, .backTab, .up, .down]
        + (2...12).map { .function($0) }

    static func screens() throws -> [(String, AppState)] {
        var focus = GoldenScreenTests.state("focus")
        focus.session?.selectedPane = 3
        return [("home", GoldenScreenTests.state("home-lessons")), ("compare", GoldenScreenTests.state("compare")),
                ("focus", focus), ("playground", GoldenScreenTests.state("playground")),
                ("lesson", try SampleLesson.state()),
                ("lesson-compare", AppState.lesson(try SampleLesson.compareScreen(), options: UIOptions()))]
    }

    /// The screen without the pane Focus shows (Tab moves Focus to the next pane).
    static func kind(_ screen: Screen) -> String {
        if case .focus = screen { return "focus" }
        return "\(screen)"
    }

    func press(_ key: Key, _ state: inout AppState) {
        if let action = KeyMap.action(for: key, in: state) { _ = state.update(action) }
    }

    @Test func navigationKeysNeverQuitOrLeaveAScreen() throws {
        for (name, start) in try Self.screens() {
            var state = start
            for key in Self.navigationKeys {
                press(key, &state)
                #expect(!state.finished, "\(key) ended the app on \(name)")
                #expect(Self.kind(state.screen) == Self.kind(start.screen), "\(key) left \(name)")
                // Every screen still draws after it.
                _ = state.view(size: Size(width: 80, height: 24))
            }
        }
    }

    @Test func homeJumpsToTheEndsWithoutWrapping() {
        var state = GoldenScreenTests.state("home-lessons")
        press(.end, &state)
        #expect(state.home.selection == state.home.items.count - 1)
        press(.pageDown, &state)
        #expect(state.home.selection == state.home.items.count - 1, "PgDn stops at the last entry")
        press(.home, &state)
        #expect(state.home.selection == 0)
        press(.pageUp, &state)
        #expect(state.home.selection == 0)
        press(.pageDown, &state)
        #expect(state.home.selection == 5)
    }

    @Test func compareMovesTheThreadSelectionByPagesAndToTheEnds() throws {
        var state = GoldenScreenTests.state("compare")
        state.session?.selectedPane = 3
        let ids = try #require(state.session?.panes[3].machine.threads.map(\.id))
        press(.end, &state)
        #expect(state.session?.panes[3].selectedThread == ids.last)
        press(.pageDown, &state)
        #expect(state.session?.panes[3].selectedThread == ids.last, "no wrap past the last thread")
        press(.home, &state)
        #expect(state.session?.panes[3].selectedThread == ids.first)
    }

    @Test func focusHomeAndEndReachTheOldestAndNewestLogLines() {
        var state = GoldenScreenTests.state("focus")
        press(.home, &state)
        let count = state.session?.panes[3].simulation.logCount ?? 0
        #expect(state.session?.logScroll == max(0, count - 1))
        press(.end, &state)
        #expect(state.session?.logScroll == 0)
    }

    @Test func backIsLeftOrBackspaceAndNeverALetter() {
        var state = GoldenScreenTests.state("compare")
        #expect(KeyMap.action(for: .character("b"), in: state) == nil)
        if case .stepBack? = KeyMap.action(for: .left, in: state) {} else { Issue.record("Left is not back") }
        press(.character("s"), &state)
        let steps = state.session?.steps ?? 0
        press(.backspace, &state)
        #expect(state.session?.steps == steps - 1)
        #expect(KeyMap.hints(for: state).contains(KeyBar.Item("Left", "back")))
        #expect(HelpOverlay.sessionKeys(for: .compare).contains { $0.0 == "Left  Bksp" })
    }

    @Test func helpOnHomeListsOnlyHomeKeys() {
        let meanings = Set(HelpOverlay.homeKeys.map(\.1))
        for (key, meaning) in HelpOverlay.sessionKeys(for: .compare) where key != "?  F1" {
            #expect(!meanings.contains(meaning), "Home's help lists \(key)")
        }
        var state = AppState()
        state.overlay = .help
        let text = state.view(size: Size(width: 80, height: 24)).plainText()
        #expect(text.contains("Home End"))
        #expect(!text.contains("step back"))
    }

    @Test func theWheelScrollsWhatEachScreenHasMostOf() {
        if case .homeJump(-1) = AppRunner.wheelAction(up: true, on: .home) {} else { Issue.record("home") }
        if case .lesson(.scroll(1)) = AppRunner.wheelAction(up: false, on: .lesson) {} else { Issue.record("lesson") }
        if case .scrollLog(-3) = AppRunner.wheelAction(up: true, on: .focus(pane: 0)) {} else { Issue.record("focus") }
        if case .jumpThread(1) = AppRunner.wheelAction(up: false, on: .compare) {} else { Issue.record("compare") }
    }
}
