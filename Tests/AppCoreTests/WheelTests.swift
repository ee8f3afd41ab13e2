import TUI
import Testing
@testable import AppCore

/// The mouse wheel scrolls the pane under the pointer: wheel events go
/// through the same mapping as the terminal's, on the screen as drawn.
@Suite struct WheelTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40),
                        Size(width: 200, height: 60)]

    /// The middle of the region a view tagged with `target`, if it drew one.
    static func point(of target: WheelTarget, in grid: Grid) -> (x: Int, y: Int)? {
        guard let rect = grid.regions.last(where: { $0.tag.value(as: WheelTarget.self) == target })?.rect else { return nil }
        return (rect.x + rect.width / 2, rect.y + rect.height / 2)
    }

    /// Turns the wheel at the middle of `target` as the terminal reports it; false when the screen has no such pane.
    @discardableResult
    static func turn(_ state: inout AppState, up: Bool, over target: WheelTarget, size: Size) -> Bool {
        let grid = state.view(size: size)
        guard let point = point(of: target, in: grid) else { return false }
        if let action = AppRunner.action(for: .wheel(up: up, x: point.x, y: point.y), in: state, lastGrid: grid) {
            _ = state.update(action)
        }
        return true
    }

    static func focusAtEnd() throws -> AppState {
        var session = try RealRunGoldenTests.realCompare(steps: 0)
        while session.stepLockstep() {}
        var state = AppState.compare(session, options: UIOptions())
        state.session?.selectedPane = 3
        state.screen = .focus(pane: 3)
        return state
    }

    @Test func inFocusEachPaneScrollsItselfAtEverySize() throws {
        for size in Self.sizes {
            var state = try Self.focusAtEnd()
            let label = "\(size.width)x\(size.height)"
            let selected = state.session?.panes[3].selectedThread

            #expect(Self.turn(&state, up: true, over: .source, size: size), "\(label): the source is a wheel target")
            #expect(state.session?.sourceScroll == -3, "\(label)")
            #expect(state.session?.logScroll == 0 && state.session?.outputScroll == 0, "\(label): only the source moved")
            Self.turn(&state, up: false, over: .source, size: size)
            #expect(state.session?.sourceScroll == 0, "\(label)")

            #expect(Self.turn(&state, up: true, over: .log, size: size), "\(label): the log is a wheel target")
            #expect(state.session?.logScroll == 3, "\(label)")
            #expect(state.session?.sourceScroll == 0, "\(label): only the log moved")

            if Self.turn(&state, up: true, over: .output, size: size) {
                #expect(state.session?.outputScroll == 3, "\(label)")
                #expect(state.session?.logScroll == 3, "\(label): only the output moved")
            } else {
                #expect(size.height < 30, "\(label): the output box is drawn from 100x30 up")
            }

            #expect(Self.turn(&state, up: false, over: .threads(pane: 3), size: size), "\(label): the threads are a wheel target")
            #expect(state.session?.panes[3].selectedThread != selected, "\(label): the thread list moved")
            #expect(state.session?.logScroll == 3, "\(label)")
        }
    }

    @Test func inCompareThePaneUnderThePointerScrollsItsThreads() throws {
        for size in Self.sizes {
            var state = AppState.compare(try RealRunGoldenTests.realCompare(steps: 45), options: UIOptions())
            let label = "\(size.width)x\(size.height)"
            let ids = try #require(state.session?.panes[3].machine.threads.map(\.id))
            let first = state.session?.panes[0].selectedThread
            #expect(state.session?.panes[3].selectedThread == ids[0])
            #expect(Self.turn(&state, up: false, over: .threads(pane: 3), size: size), "\(label)")
            #expect(Self.turn(&state, up: false, over: .threads(pane: 3), size: size), "\(label)")
            #expect(state.session?.panes[3].selectedThread == ids[2], "\(label): pane 4's list moved two threads")
            #expect(state.session?.selectedPane == 0, "\(label): the selected pane stays")
            #expect(state.session?.panes[0].selectedThread == first, "\(label): pane 1 did not move")
            Self.turn(&state, up: true, over: .threads(pane: 3), size: size)
            #expect(state.session?.panes[3].selectedThread == ids[1], "\(label)")

            // A click on the same pane, off its thread rows, still selects the pane.
            let grid = state.view(size: size)
            let paneRect = try #require(grid.regions.last { $0.tag.value(as: ClickTarget.self) == .pane(3) }?.rect)
            let click = AppRunner.action(for: .click(x: paneRect.x + 2, y: paneRect.maxY - 2), in: state, lastGrid: grid)
            if case .selectPane(3)? = click {} else { Issue.record("\(label): a click on pane 4 gave \(String(describing: click))") }
        }
    }

    @Test func onTheLessonScreenTheTextAndTheProgramScrollApart() throws {
        for size in Self.sizes {
            var state = try RealRunGoldenTests.state("real-side-by-side")
            let label = "\(size.width)x\(size.height)"
            #expect(Self.turn(&state, up: false, over: .lessonText, size: size), "\(label)")
            let text = state.lesson?.textScroll
            #expect(text == 3, "\(label): the lesson text scrolled")
            #expect(state.session?.sourceScroll == 0, "\(label)")
            if Self.turn(&state, up: false, over: .source, size: size) {
                #expect(state.session?.sourceScroll == 3, "\(label): the source scrolled")
                #expect(state.lesson?.textScroll == text, "\(label): the text did not")
            }
        }
    }

    @Test func overlaysAndUnknownPositionsKeepTheirOwnRules() throws {
        var state = try Self.focusAtEnd()
        state.overlay = .help
        let grid = state.view(size: Size(width: 120, height: 40))
        let source = try #require(Self.point(of: .source, in: state.view(size: Size(width: 120, height: 40))))
        #expect(AppRunner.action(for: .wheel(up: true, x: source.x, y: source.y), in: state, lastGrid: grid) == nil,
                "under the help the panes do not scroll")
        state.overlay = nil
        // A wheel turn with no position (an older recording) scrolls what the screen has most of.
        let plain = AppRunner.action(for: .scrollUp, in: state, lastGrid: state.view(size: Size(width: 120, height: 40)))
        if case .pageLog(-3, _)? = plain {} else { Issue.record("a positionless wheel gave \(String(describing: plain))") }
        // Off every pane (the header row): the same.
        let header = AppRunner.action(for: .wheel(up: true, x: 5, y: 0), in: state, lastGrid: state.view(size: Size(width: 120, height: 40)))
        if case .pageLog(-3, _)? = header {} else { Issue.record("the header row gave \(String(describing: header))") }
    }
}
