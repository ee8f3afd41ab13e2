import TUI

/// The whole screen as a pure function of the state.
extension AppState {
    /// The smallest terminal the app draws its screens in.
    public static let minimumSize = Size(width: 80, height: 24)

    public func view(size: Size) -> Grid {
        var grid = Grid(size: size)
        let context = options.drawContext
        guard size.width >= AppState.minimumSize.width, size.height >= AppState.minimumSize.height else {
            TooSmallView.draw(size: size, on: &grid, context: context)
            return grid
        }
        let (body, keyRow) = grid.bounds.splitBottom(1)
        switch screen {
        case .home:
            HomeView(state: self).draw(in: body, on: &grid, context: context)
        case .compare:
            if let session { CompareView(session: session).draw(in: body, on: &grid, context: context) }
        case .focus(let pane):
            if let session { FocusView(session: session, paneIndex: pane).draw(in: body, on: &grid, context: context) }
        case .playground:
            if let session { FocusView(session: session, paneIndex: 0).draw(in: body, on: &grid, context: context) }
        }
        KeyBar(KeyMap.hints(for: self)).draw(in: keyRow, on: &grid, context: context)
        if let overlay {
            OverlayView(overlay: overlay).draw(in: body, on: &grid, context: context)
        }
        return grid
    }
}

/// Shown instead of any screen when the terminal is below 80×24.
enum TooSmallView {
    static func draw(size: Size, on grid: inout Grid, context: DrawContext) {
        let lines = [
            "Enlarge the terminal",
            "(need \(AppState.minimumSize.width)x\(AppState.minimumSize.height), have \(size.width)x\(size.height))",
            "q quits",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (index, text) in lines.enumerated() {
            let w = CharacterWidth.of(text)
            let x = max(0, (size.width - w) / 2)
            grid.put(text, x: x, y: top + index, style: context.style(index == 0 ? .notice : .text), maxWidth: size.width - x)
        }
    }
}

/// The header row shared by session screens.
struct HeaderLine {
    let session: Session
    let screenName: String

    func line(context: DrawContext) -> Line {
        let dot = " \(context.glyphs.middleDot) "
        var spans: Line = [Span("Overlapped", .title), Span(dot, .dim), Span(screenName, .strong),
                           Span(dot, .dim), Span("t=" + Format.time(session.clock), .strong),
                           Span(dot, .dim), Span("step \(session.steps)", .text), Span(dot, .dim)]
        if session.isFinished {
            spans.append(Span("finished", .good))
        } else if session.running {
            spans.append(Span("RUNNING \(session.speed.eventsPerSecond) ev/s", .running))
        } else {
            spans.append(Span("PAUSED", .ready))
            spans.append(Span(" \(session.speed.eventsPerSecond) ev/s", .dim))
        }
        if !session.caption.isEmpty { spans += [Span(dot, .dim), Span(session.caption, .text)] }
        return spans
    }
}
