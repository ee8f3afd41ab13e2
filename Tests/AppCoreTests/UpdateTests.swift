import TUI
import Testing
@testable import AppCore

/// Action sequences and the state they must produce.
@Suite struct UpdateTests {
    func compareState() -> AppState {
        AppState.compare(BuiltinRuns.compare(caption: "test"), options: UIOptions())
    }

    func send(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            if let action = KeyMap.action(for: key, in: state) { effects += state.update(action) }
        }
        return effects
    }

    @Test func stepKeysAdvanceAndStepBackRestores() {
        var state = compareState()
        _ = send(&state, [.character("s"), .character("s"), .character("s")])
        #expect(state.session?.steps == 3)
        let clock = state.session?.clock
        let machines = state.session?.panes.map(\.machine)
        _ = send(&state, [.character("s"), .right, .backspace, .left])
        #expect(state.session?.steps == 3)
        #expect(state.session?.clock == clock)
        #expect(state.session?.panes.map(\.machine) == machines)
    }

    @Test func runSchedulesTicksAndPauseCancelsThem() {
        var state = compareState()
        let speed = Speed.level(Speed.defaultLevel)
        #expect(send(&state, [.character("p")]) == [.scheduleTick(milliseconds: speed.tickMilliseconds)])
        #expect(state.isRunning)
        #expect(state.update(.tick()) == [.scheduleTick(milliseconds: speed.tickMilliseconds)])
        #expect(state.session?.steps == speed.eventsPerTick)
        #expect(send(&state, [.character(" ")]) == [.cancelTick])
        #expect(!state.isRunning)
        // A tick that arrives after pausing does nothing.
        #expect(state.update(.tick()) == [])
        #expect(state.session?.steps == speed.eventsPerTick)
    }

    @Test func runningStopsByItselfAtTheEnd() {
        var state = compareState()
        _ = send(&state, [.character("u"), .character("u"), .character("u"), .character("u"), .character("u"), .character("u")])
        _ = send(&state, [.character("p")])
        var ticks = 0
        while state.isRunning, ticks < 1000 { _ = state.update(.tick()); ticks += 1 }
        #expect(!state.isRunning)
        #expect(state.session?.isFinished == true)
        #expect(send(&state, [.character("p")]) == [])
    }

    @Test func aTickStopsSteppingWhenItsBudgetRunsOut() {
        var state = compareState()
        _ = send(&state, Array(repeating: .character("u"), count: 10))
        _ = send(&state, [.character("p")])
        _ = state.update(.tick(TickBudget { false }))
        #expect(state.session?.steps == 1)
        #expect(state.isRunning)
    }

    @Test func speedIsBounded() {
        var state = compareState()
        _ = send(&state, Array(repeating: .character("d"), count: 20))
        #expect(state.session?.speedLevel == 0)
        _ = send(&state, Array(repeating: .character("+"), count: 20))
        #expect(state.session?.speedLevel == Speed.levels.count - 1)
    }

    @Test func threadAndPaneSelection() {
        // By step 20 the port program (pane 4) has started its workers, threads 2 to 5.
        var state = AppState.compare(BuiltinRuns.compare(caption: "test", steps: 20), options: UIOptions())
        #expect(state.session?.panes[3].machine.threads.map(\.id) == [1, 2, 3, 4, 5])
        #expect(state.session?.panes[0].selectedThread == 1)
        _ = send(&state, [.character("4"), .character("j")])
        #expect(state.session?.selectedPane == 3)
        #expect(state.session?.panes[3].selectedThread == 2)
        _ = send(&state, [.character("k"), .character("k")])
        #expect(state.session?.panes[3].selectedThread == 5, "up from the first thread wraps to the last")
        _ = send(&state, [.tab])
        #expect(state.session?.selectedPane == 0)
        _ = send(&state, [.backTab])
        #expect(state.session?.selectedPane == 3)
    }

    @Test func pageUpScrollsTheFocusLogBackAndEndReturnsToTheNewest() throws {
        var state = compareState()
        for _ in 0..<40 { state.session?.stepLockstep() }
        _ = send(&state, [.character("4"), .character("f")])
        let newest = state.view(size: Size(width: 160, height: 48)).plainText()
        _ = send(&state, [.pageUp])
        #expect(state.session?.logScroll == 10)
        let older = state.view(size: Size(width: 160, height: 48)).plainText()
        #expect(older != newest)
        #expect(older.contains("10 newer below"))
        _ = send(&state, [.end])
        #expect(state.session?.logScroll == 0)
        _ = send(&state, [.character("f"), .pageUp])
        #expect(state.session?.logScroll == 0, "Compare has no log to scroll")
    }

    @Test func focusAndBack() {
        var state = compareState()
        _ = send(&state, [.character("2"), .character("f")])
        #expect(state.screen == .focus(pane: 1))
        _ = send(&state, [.character("n")])
        #expect(state.screen == .focus(pane: 2))
        _ = send(&state, [.character("q")])
        #expect(state.screen == .compare)
        #expect(!state.finished)
        #expect(send(&state, [.character("q")]) == [.quit])
        #expect(state.finished)
    }

    @Test func helpOverlayTakesKeysUntilClosed() {
        var state = compareState()
        _ = send(&state, [.character("?")])
        #expect(state.overlay == .help)
        _ = send(&state, [.character("s")])
        #expect(state.session?.steps == 0)
        _ = send(&state, [.character("q")])
        #expect(state.overlay == nil)
        #expect(!state.finished)
    }

    @Test func homeMenuOpensCompareThroughAnEffect() {
        var state = AppState()
        #expect(state.home.selectedItem == .compare)
        #expect(send(&state, [.enter]) == [.openCompare])
        let session = Session(kind: .compare, caption: "", simulations: BuiltinRuns.standard(), returnsToHome: true)
        _ = state.update(.sessionOpened(session))
        #expect(state.screen == .compare)
        _ = send(&state, [.character("q")])
        #expect(state.screen == .home)
        #expect(state.session == nil)
        #expect(!state.finished)
    }

    @Test func openFilePromptCollectsAPath() {
        var state = AppState()
        _ = send(&state, [.character("o")])
        #expect(state.overlay == .openFile(path: ""))
        _ = send(&state, [.character("a"), .character("."), .character("c"), .character("x"), .backspace])
        #expect(state.overlay == .openFile(path: "a.c"))
        #expect(send(&state, [.enter]) == [.openPlayground(path: "a.c")])
        #expect(state.overlay == nil)
        _ = state.update(.openFailed("no such file"))
        #expect(state.overlay == .message(title: "Cannot open", lines: ["no such file"]))
    }

    @Test func restartReturnsToTheStart() {
        var state = compareState()
        _ = send(&state, [.character("s"), .character("s"), .character("p")])
        #expect(send(&state, [.character("r")]) == [.cancelTick])
        #expect(state.session?.steps == 0)
        #expect(!state.isRunning)
    }

    @Test func optionsFollowNoColor() {
        let options = UIOptions.resolve(theme: .light, noColor: false, ascii: true, environment: ["NO_COLOR": "1"])
        #expect(!options.color)
        #expect(options.drawContext.theme == .monochrome)
        #expect(options.drawContext.glyphs == .ascii)
        #expect(UIOptions.resolve(theme: nil, noColor: false, ascii: false, environment: ["NO_COLOR": ""]).color)
    }
}

@Suite struct HomeStartTests {
    @Test func homeStartsOnTheNextUnfinishedLessonAndOffersIt() {
        let lessons = [HomeState.LessonEntry(id: "a", title: "First", done: true),
                       HomeState.LessonEntry(id: "b", title: "Second", done: false, started: true),
                       HomeState.LessonEntry(id: "c", title: "Third", done: false)]
        let home = HomeState(lessons: lessons)
        #expect(home.selectedItem == .lesson(id: "b"))
        #expect(home.nextLesson?.number == 2)
        let allDone = HomeState(lessons: lessons.map { var l = $0; l.done = true; return l })
        #expect(allDone.selectedItem == .compare && allDone.nextLesson == nil)
    }
}
