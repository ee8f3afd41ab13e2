import TUI

/// What a clickable area of a screen stands for; views tag regions with it
/// and the runner turns a click into the matching action.
enum ClickTarget: Hashable, Sendable {
    /// A thread's row in a pane.
    case thread(pane: Int, id: Int)
    /// A whole pane.
    case pane(Int)
    /// An entry of the Home menu.
    case home(HomeState.Item)

    var tag: RegionTag { RegionTag(self) }

    var action: Action {
        switch self {
        case .thread(let pane, let id): return .selectThreadID(pane: pane, thread: id)
        case .pane(let pane): return .selectPane(pane)
        case .home(let item): return .homeChoose(item)
        }
    }
}
