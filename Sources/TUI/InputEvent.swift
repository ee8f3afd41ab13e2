/// A key the app reacts to, independent of how the terminal reported it.
public enum Key: Sendable, Equatable, Hashable {
    case character(Character)
    case up, down, left, right
    case enter, escape, tab, backTab, backspace
    case pageUp, pageDown, home, end
    case function(Int)
}

/// Something the terminal reports.
public enum InputEvent: Sendable, Equatable {
    case key(Key)
    /// A button-1 press or click at a cell.
    case click(x: Int, y: Int)
    /// The wheel turned, with no position known (a recording made before
    /// positions were kept).
    case scrollUp, scrollDown
    /// The wheel turned with the pointer at a cell.
    case wheel(up: Bool, x: Int, y: Int)
    case resize(Size)
    /// SIGINT, SIGTERM or SIGHUP arrived: leave now.
    case terminate
}
