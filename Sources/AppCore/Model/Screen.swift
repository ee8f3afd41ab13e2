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

/// A layer over the screen that takes the keys while it is open.
public enum Overlay: Sendable, Equatable {
    case help
    case message(title: String, lines: [String])
    /// Asking for a program file to open in the Playground; the text typed so far.
    case openFile(path: String)
}
