/// Where the terminal's cursor should sit after a grid is shown: on the
/// focused item, so a screen reader that follows the cursor reads it.
public struct CursorPosition: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}
