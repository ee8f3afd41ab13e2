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
        if isPresenting, overlay == nil {
            PresenterView(state: self).draw(in: grid.bounds, on: &grid, context: context)
            grid.cursor = focusedCursor(in: grid)
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
        case .lesson:
            if let lesson, let session {
                LessonScreenView(screen: lesson, session: session).draw(in: body, on: &grid, context: context)
            }
        }
        KeyBar(KeyMap.hints(for: self)).draw(in: keyRow, on: &grid, context: context)
        if overlay == .help, screen == .lesson {
            LessonHelpOverlay.modal(context: context).draw(in: body, on: &grid, context: context)
        } else if let overlay {
            OverlayView(overlay: overlay, screen: screen).draw(in: body, on: &grid, context: context)
        }
        grid.cursor = focusedCursor(in: grid)
        return grid
    }
}
