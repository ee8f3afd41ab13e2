import LessonKit
import SimRuntime
import TUI
import SimulationTestSupport
import Testing
@testable import AppCore

/// Panes that can overflow keep what matters in view: the selected thread
/// in every thread list and timeline, the current line in the source (or
/// where `[` `]` moved it), and text wrapped to the panel, never cut.
@Suite struct PaneScrollingTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)]

    /// Whether the grid has a clickable row for the thread: it is drawn, not hidden among "+N more".
    static func shows(_ grid: Grid, pane: Int, thread: Int) -> Bool {
        grid.regions.contains { $0.tag.value(as: ClickTarget.self) == .thread(pane: pane, id: thread) }
    }

    @Test func everyLessonStepShowsTheSelectedThreadAndWrapsItsTextToThePanel() throws {
        let library = LessonLibrary(files: LessonLibrary.builtinFiles)
        var checked = 0
        for lesson in library.lessons {
            var state = AppState.lesson(LessonScreen(lesson: try LessonSession(lesson: lesson, factory: BuiltinRuns.factory)),
                                        options: UIOptions())
            var index = 0
            while true {
                for size in Self.sizes {
                    let place = "\(lesson.id) step \(index + 1) at \(size.width)×\(size.height)"
                    // The last thread, selected: the list must slide to show it.
                    var last = state
                    if let session = last.session, let pane = session.panes.indices.first(where: { session.panes[$0].machine.threads.count > 1 }) {
                        last.session?.selectedPane = pane
                        last.session?.panes[pane].selectedThread = session.panes[pane].machine.threads.last?.id
                    }
                    for probe in [state, last] {
                        guard let session = probe.session, let screen = probe.lesson else { continue }
                        if screen.isCompare, !screen.focusesSelectedPane { continue }   // compact panes: checked in Compare
                        let pane = session.selectedPane
                        guard let thread = session.panes[pane].selectedThread else { continue }
                        #expect(Self.shows(probe.view(size: size), pane: pane, thread: thread), "\(place): thread \(thread) is hidden")
                        checked += 1
                    }
                    // Every row of the lesson text fits its panel: wrapped, never cut.
                    if let screen = state.lesson {
                        for width in [40, 60, 76] {
                            let rows = LessonTextPanel(screen: screen, context: DrawContext(glyphs: .unicode)).lines(width: width)
                            let wide = rows.filter { $0.displayWidth > width }
                            #expect(wide.isEmpty, "\(place): \(wide.count) rows wider than \(width): \(wide.first?.plainText ?? "")")
                        }
                    }
                }
                if let question = state.lesson?.lesson.pendingQuestion { _ = state.update(.lesson(.answer(question.answer))) }
                _ = state.update(.lesson(.next))
                if state.lesson?.lesson.stepIndex == index { break }
                index += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func compareKeepsTheSelectedThreadInEveryPaneAtEverySize() throws {
        var state = GoldenScreenTests.state("compare")
        for size in Self.sizes + [Size(width: 200, height: 60)] {
            for pane in 0..<(state.session?.panes.count ?? 0) {
                state.session?.selectedPane = pane
                _ = state.update(.jumpThread(delta: Int.max / 2))
                let thread = try #require(state.session?.panes[pane].selectedThread)
                #expect(Self.shows(state.view(size: size), pane: pane, thread: thread), "pane \(pane + 1) at \(size.width)×\(size.height)")
            }
        }
    }

    @Test func threadListShowsTheSelectedAndTheBusyThreadsAndCountsTheRest() {
        let entries = (1...6).map { (line: [Span("T\($0)")] as Line, threadID: $0) }
        let list = ThreadList(entries: entries, selectedThread: 6, paneIndex: 0)
        #expect(list.shownIndices(rows: 3) == [4, 5])
        #expect(ThreadList(entries: entries, selectedThread: 1, paneIndex: 0).shownIndices(rows: 3) == [0, 1])
        #expect(list.shownIndices(rows: 6) == Array(0..<6))
        // A running thread far from the selection is shown too.
        let busy = ThreadList(entries: entries, selectedThread: 1, paneIndex: 0, busy: [5])
        #expect(busy.shownIndices(rows: 3) == [0, 4])
        var grid = Grid(size: Size(width: 30, height: 3))
        list.draw(x: 0, y: 0, width: 30, rows: 3, on: &grid, context: DrawContext(glyphs: .unicode))
        #expect(grid.plainText().contains("+4 more threads (j/k)"))
    }

    @Test func compareNeverHidesARunningThread() throws {
        let session = try RealRunGoldenTests.realCompare(steps: 45)
        let state = AppState.compare(session, options: UIOptions())
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30)] {
            let grid = state.view(size: size)
            for (index, pane) in session.panes.enumerated() {
                for thread in pane.machine.threads {
                    if case .running = thread.state {
                        #expect(Self.shows(grid, pane: index, thread: thread.id), "pane \(index + 1): running \(thread.name) hidden at \(size.width)×\(size.height)")
                    }
                }
            }
        }
    }

    @Test func theSourceScrollsWithBracketsAndAStepBringsTheCurrentLineBack() throws {
        var state = GoldenScreenTests.state("focus")
        _ = state.update(.scrollSource(delta: -5))
        #expect(state.session?.sourceScroll == -5)
        _ = state.update(.scrollSource(delta: -100_000))
        let floor = try #require(state.session?.sourceScroll)
        #expect(floor > -100_000, "bounded by the source's length")
        _ = state.update(.stepEvent)
        #expect(state.session?.sourceScroll == 0)
        // Keys reach it on Focus and in lessons.
        if case .scrollSource(5)? = KeyMap.action(for: .character("]"), in: state) {} else { Issue.record("] does not scroll") }
    }
}

@Suite struct OutputScrollingTests {
    @Test func focusOutputWrapsAndScrollsBackWithBraces() throws {
        var fake = ScriptedSimulation.alternating(title: "fake", eventTimes: [10, 20, 30])
        fake.frames[0].output = (1...40).map { "line \($0) " + String(repeating: "x", count: 90) }.joined(separator: "\n") + "\n"
        var session = Session(kind: .playground, caption: "t", simulations: [fake])
        session.stepLockstep()
        var state = AppState.playground(session, options: UIOptions())
        let size = Size(width: 100, height: 30)
        let newest = state.view(size: size).plainText()
        #expect(newest.contains("line 40 "))
        #expect(!newest.contains("x…"), "long output lines wrap instead of being cut")
        if let action = KeyMap.action(for: .character("{"), in: state) { _ = state.update(action) }
        #expect(state.session?.outputScroll == 5)
        let earlier = state.view(size: size).plainText()
        #expect(!earlier.contains("line 40 "))
        #expect(earlier.contains("{ }"))
        _ = state.update(.stepEvent)
        #expect(state.session?.outputScroll == 0)
    }
}

@Suite struct FocusDetailTests {
    @Test func theSelectedThreadsCutRowIsShownWholeBelowTheCounters() {
        let state = GoldenScreenTests.state("focus")
        // Tall enough for the port program's structures and counters above the detail.
        let text = state.view(size: Size(width: 100, height: 40)).plainText()
        #expect(text.contains("GetQueuedCompl…"), "the thread list cuts the row")
        #expect(text.contains("GetQueuedCompletionStatus"), "the detail shows it whole")
    }
}
