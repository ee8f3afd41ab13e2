/// One terminal cell: a character and its style.
///
/// A character two columns wide occupies its cell and the next one; the next
/// cell is a *continuation* (`width == 0`) that holds no character of its own.
public struct Cell: Sendable, Equatable {
    public var character: Character
    public var style: Style
    /// Columns the character takes: 1, 2 (wide), or 0 for a continuation cell.
    public var width: UInt8

    public init(_ character: Character = " ", style: Style = .plain, width: UInt8 = 1) {
        self.character = character; self.style = style; self.width = width
    }

    public static let blank = Cell()

    public var isContinuation: Bool { width == 0 }

    static func continuation(style: Style) -> Cell { Cell(" ", style: style, width: 0) }
}
