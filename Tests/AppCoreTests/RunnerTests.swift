import TUI
import Testing
@testable import AppCore

/// A terminal that replays scripted input and records what it was asked.
final class ScriptedTerminal: TerminalSurface {
    var size: Size
    var events: [InputEvent]
    var timeouts: [Int?] = []
    var frames: [Grid] = []

    init(size: Size = Size(width: 80, height: 24), events: [InputEvent]) {
        self.size = size
        self.events = events
    }

    func present(_ grid: Grid) { frames.append(grid) }

    func nextEvent(timeoutMilliseconds: Int?) -> InputEvent? {
        timeouts.append(timeoutMilliseconds)
        if events.isEmpty { return .terminate }
        let event = events.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }
}

@Suite struct RunnerTests {
    func compare(steps: Int = 0) -> AppState {
        .compare(BuiltinRuns.compare(caption: "", steps: steps), options: UIOptions())
    }

    @Test func pausedAppBlocksWithoutATimeout() {
        let terminal = ScriptedTerminal(events: [.key(.character("s")), .key(.character("q"))])
        let runner = AppRunner(state: compare(), terminal: terminal)
        runner.run()
        #expect(terminal.timeouts == [nil, nil])
        #expect(runner.state.finished)
    }

    @Test func runningAppWaitsWithATimeoutThenBlocksAgainWhenPaused() {
        let terminal = ScriptedTerminal(events: [.key(.character("p")), .key(.character("p")), .key(.character("q"))])
        let runner = AppRunner(state: compare(), terminal: terminal)
        runner.run()
        #expect(terminal.timeouts.count == 3)
        #expect(terminal.timeouts[0] == nil)
        #expect(terminal.timeouts[1] != nil)
        #expect(terminal.timeouts[2] == nil)
    }

    @Test func resizeRedrawsAtTheNewSize() {
        let terminal = ScriptedTerminal(events: [.resize(Size(width: 60, height: 20)), .resize(Size(width: 100, height: 30)), .key(.character("q"))])
        AppRunner(state: compare(), terminal: terminal).run()
        #expect(terminal.frames.map(\.size) == [Size(width: 80, height: 24), Size(width: 60, height: 20), Size(width: 100, height: 30)])
        #expect(terminal.frames[1].plainText().contains("Enlarge the terminal"))
    }

    @Test func clickingAThreadSelectsIt() {
        // By step 20 the port program has started its worker threads.
        var probe = compare(steps: 20)
        probe.session?.selectedPane = 0
        let size = Size(width: 160, height: 48)
        let grid = probe.view(size: size)
        guard let region = grid.regions.first(where: { $0.tag == ClickTarget.thread(pane: 3, id: 2).tag }) else {
            Issue.record("no region for thread 2 of pane 4")
            return
        }
        let terminal = ScriptedTerminal(size: size, events: [.click(x: region.rect.x + 2, y: region.rect.y), .key(.character("q"))])
        let runner = AppRunner(state: compare(steps: 20), terminal: terminal)
        runner.run()
        #expect(runner.state.session?.selectedPane == 3)
        #expect(runner.state.session?.panes[3].selectedThread == 2)
    }

    @Test func terminateSignalEndsTheLoop() {
        let terminal = ScriptedTerminal(events: [.terminate])
        let runner = AppRunner(state: compare(), terminal: terminal)
        runner.run()
        #expect(runner.state.finished)
    }

    @Test func openingCompareFromHomeUsesTheEnvironment() {
        let environment = AppEnvironment(
            makeCompare: { Session(kind: .compare, caption: "env", simulations: BuiltinRuns.standard()) },
            makePlayground: { path in throw AppError("cannot open \(path)") })
        let terminal = ScriptedTerminal(events: [.key(.character("c"))])
        let runner = AppRunner(state: AppState(), environment: environment, terminal: terminal)
        runner.run()
        #expect(runner.state.screen == .compare)
        #expect(runner.state.session?.caption == "env")
        #expect(runner.state.session?.returnsToHome == true)
    }

    @Test func renderBenchmarkRendersTheRequestedFrames() {
        let result = RenderBenchmark.renderCompare(simulations: BuiltinRuns.standard(), labels: BuiltinRuns.standardLabels, frames: 3)
        #expect(result.frames == 3)
        #expect(result.lastGrid.size == Size(width: 200, height: 60))
        #expect(result.lastGrid.plainText().contains("Completion port"))
    }
}
