/// Which screen is showing.
public enum Screen: Sendable, Equatable {
    case home
    /// The four methods side by side.
    case compare
    /// One pane of the current session full screen.
    case focus(pane: Int)
    /// The focus view of the user's own program.
    case playground
}
