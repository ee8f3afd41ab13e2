import TUI

/// `overlapped replay FILE` on a terminal: the recorded screens, one step at
/// a time, forward and back. The bottom row says which step is shown and
/// the keys; the rest is the app's own view of that step's state.
public struct ReplayViewer: Sendable {
    public let replay: Replay
    public private(set) var index: Int = 0
    public private(set) var finished = false

    public init(_ replay: Replay) { self.replay = replay }

    public enum Move: Sendable, Equatable { case next, back, first, last, quit }

    /// Keys: → Space PgDn Enter next; ← Backspace PgUp back (as on every
    /// screen, no letter means back); Home/End first/last; `q` Esc quit.
    public static func move(for key: Key) -> Move? {
        switch key {
        case .right, .pageDown, .character(" "), .enter: return .next
        case .left, .pageUp, .backspace: return .back
        case .home: return .first
        case .end: return .last
        case .character("q"), .escape: return .quit
        default: return nil
        }
    }

    public mutating func apply(_ move: Move) {
        switch move {
        case .next: index = min(index + 1, replay.stepCount)
        case .back: index = max(index - 1, 0)
        case .first: index = 0
        case .last: index = replay.stepCount
        case .quit: finished = true
        }
    }

    public func view(size: Size) -> Grid {
        var grid = replay.frame(index, size: size)
        guard size.height > 0 else { return grid }
        let context = replay.states[index].options.drawContext
        let row = size.height - 1
        grid.fill(Rect(x: 0, y: row, width: size.width, height: 1), with: Cell(" ", style: context.style(.selection)))
        let line: Line = [
            Span(" Replay \(index)/\(replay.stepCount) ", .title),
            Span(replay.stepName(index) + "  ", .text),
            Span("→ next  ← back  Home/End  q quit", .dim),
        ]
        TextBlock.drawLine(line, x: 0, y: row, width: size.width, on: &grid, context: context)
        grid.cursor = nil
        return grid
    }
}

/// The replay's loop on a terminal: draw, wait for a key (no CPU while idle), move.
public final class ReplayRunner {
    public private(set) var viewer: ReplayViewer
    let terminal: any TerminalSurface

    public init(_ viewer: ReplayViewer, terminal: any TerminalSurface) {
        self.viewer = viewer
        self.terminal = terminal
    }

    public func run() {
        while !viewer.finished {
            terminal.present(viewer.view(size: terminal.size))
            guard let event = terminal.nextEvent(timeoutMilliseconds: nil) else { continue }
            switch event {
            case .terminate: return
            case .key(let key): if let move = ReplayViewer.move(for: key) { viewer.apply(move) }
            case .scrollDown: viewer.apply(.next)
            case .scrollUp: viewer.apply(.back)
            case .wheel(let up, _, _): viewer.apply(up ? .back : .next)
            default: break
            }
        }
    }
}
