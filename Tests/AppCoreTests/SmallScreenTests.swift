import TUI
import Testing
@testable import AppCore

/// What a newcomer meets at 80×24: the event log pages by what it shows,
/// nothing is hidden without saying so, and nothing is drawn before it happens.
@Suite struct SmallScreenTests {
    static let small = Size(width: 80, height: 24)

    /// Applies a key the way the terminal would: mapped on the screen as last drawn.
    static func press(_ key: Key, on state: inout AppState, size: Size = small) {
        if let action = AppRunner.action(for: .key(key), in: state, lastGrid: state.view(size: size)) {
            _ = state.update(action)
        }
    }

    @Test func eventLogPagesByTheLinesItShowsKeepingOneForContext() throws {
        var state = GoldenScreenTests.state("playground-end")
        let count = try #require(state.session?.panes.first?.simulation.logCount)
        let rows = try #require(LogPage.find(in: state.view(size: Self.small))).rows
        #expect(rows >= 3 && count > 3 * rows)
        Self.press(.home, on: &state)
        #expect(state.session?.logScroll == count - 1)   // the oldest line in focus, no further
        Self.press(.pageDown, on: &state)
        #expect(state.session?.logScroll == count - 1 - (rows - 1))
        Self.press(.pageDown, on: &state)
        #expect(state.session?.logScroll == count - 1 - 2 * (rows - 1))
        Self.press(.pageUp, on: &state)
        Self.press(.pageUp, on: &state)
        Self.press(.pageUp, on: &state)
        #expect(state.session?.logScroll == count - 1)
        // The note counts the lines newer than the one in focus.
        #expect(state.view(size: Self.small).plainText().contains("\(count - 1) newer below"))
        // One line at a time: < older, > newer.
        Self.press(.character(">"), on: &state)
        #expect(state.session?.logScroll == count - 2)
        Self.press(.character("<"), on: &state)
        Self.press(.character("<"), on: &state)
        #expect(state.session?.logScroll == count - 1)
    }

    @Test func presenterModeLeftFromFocusReturnsToFocus() {
        var state = GoldenScreenTests.state("focus")
        Self.press(.character("P"), on: &state)
        #expect(state.isPresenting)
        Self.press(.character("P"), on: &state)
        #expect(!state.isPresenting)
        #expect(state.screen == .focus(pane: 3))
    }

    @Test func resultsNameTheColumnsANarrowTerminalLeavesOut() {
        let small = GoldenScreenTests.state("compare-end").view(size: Self.small).plainText()
        #expect(small.contains("wider terminal adds: ctx sw, wakeups, CPU busy"))
        let wide = GoldenScreenTests.state("compare-end").view(size: Size(width: 200, height: 60)).plainText()
        #expect(wide.contains("CPU busy") && !wide.contains("wider terminal adds"))
    }

    @Test func divergenceLineNamesItsCountsWhenThereIsRoom() throws {
        let session = GoldenScreenTests.compareSession(steps: 500)
        try #require(session.divergence != nil)
        let line = DivergenceLine(session: session)
        let wide = line.line(context: DrawContext(glyphs: .unicode), width: 200)
        #expect(wide.plainText.contains("requests done/completions the program handled"))
        // The 80-column Compare row (78 wide) still fits the counts now, uncut.
        let small = line.line(context: DrawContext(glyphs: .unicode), width: 78)
        #expect(small.displayWidth <= 78 && small.plainText.contains("now:"))
    }

    @Test func compareAtTimeZeroDrawsNoStatesAhead() {
        let text = GoldenScreenTests.state("compare-start").view(size: Size(width: 120, height: 40)).plainText()
        #expect(!text.contains("XXXX"))
    }

    @Test func homeSaysHowManyLessonsAreBelow() {
        let lessons = (1...16).map { HomeState.LessonEntry(id: "l\($0)", title: "Lesson number \($0)", done: false) }
        let text = AppState(home: HomeState(lessons: lessons, selection: 0)).view(size: Self.small).plainText()
        #expect(text.contains("↓ 2 more") || text.contains("↓ 1 more"))
    }

    @Test func aVoteCountOfZeroStartsWhereTheBarsDo() throws {
        var state = try PresenterTests.presentingLesson()
        let key = PresenterTests.key
        PresenterTests.press([.pageDown, key("1"), key("2"), key("b"), key("3"), key("v"), key("a"), key("1"), key("4"), key(" ")],
                             on: &state)
        let rows = state.view(size: Size(width: 100, height: 30)).plainText().split(separator: "\n")
        let zero = try #require(rows.first { $0.hasSuffix("round 2 0") })
        let bar = try #require(rows.first { $0.contains("round 2 \u{2588}") })
        #expect(zero.firstIndex(of: "0").map { zero.distance(from: zero.startIndex, to: $0) }
                == bar.firstIndex(of: "\u{2588}").map { bar.distance(from: bar.startIndex, to: $0) })
    }
}
