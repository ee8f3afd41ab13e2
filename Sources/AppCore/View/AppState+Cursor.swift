import TUI

/// The terminal cursor sits on the focused item (the selected thread's row,
/// Home's selected entry), so a screen reader that follows the cursor reads
/// what the keys act on. Found by the item's click region, which every view
/// already tags.
extension AppState {
    func focusedCursor(in grid: Grid) -> CursorPosition? {
        guard overlay == nil, let tag = focusedTag else { return nil }
        guard let region = grid.regions.last(where: { $0.tag == tag }) else { return nil }
        return CursorPosition(x: region.rect.x, y: region.rect.y)
    }

    /// The click tag of the focused item, as the views name regions.
    private var focusedTag: String? {
        switch screen {
        case .home:
            switch home.selectedItem {
            case .lesson(let id): return "home:lesson:\(id)"
            case .compare: return "home:compare"
            case .playground: return "home:playground"
            case .help: return "home:help"
            case .quit: return "home:quit"
            }
        case .compare, .focus, .playground, .lesson:
            guard let session, session.panes.indices.contains(session.selectedPane),
                  let thread = session.panes[session.selectedPane].selectedThread else { return nil }
            return "thread:\(session.selectedPane):\(thread)"
        }
    }
}
