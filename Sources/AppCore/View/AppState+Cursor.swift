import TUI

/// The terminal cursor sits on the focused item (the selected thread's row,
/// Home's selected entry), so a screen reader that follows the cursor reads
/// what the keys act on. Found by the item's click region, which every view
/// already tags.
extension AppState {
    func focusedCursor(in grid: Grid) -> CursorPosition? {
        guard overlay == nil, let target = focusedTarget else { return nil }
        guard let region = grid.regions.last(where: { $0.tag.value(as: ClickTarget.self) == target }) else { return nil }
        return CursorPosition(x: region.rect.x, y: region.rect.y)
    }

    /// The click target of the focused item, as the views tag regions.
    private var focusedTarget: ClickTarget? {
        switch screen {
        case .home:
            return .home(home.selectedItem)
        case .compare, .focus, .playground, .lesson:
            guard let session, session.panes.indices.contains(session.selectedPane),
                  let thread = session.panes[session.selectedPane].selectedThread else { return nil }
            return .thread(pane: session.selectedPane, id: thread)
        }
    }
}
