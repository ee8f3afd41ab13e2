/// One terminal cell: a character and its style.
///
/// A character two columns wide occupies its cell and the next one; the next
/// cell is a *continuation* (`width == 0`) that holds no character of its own.
/// The character is stored as up to three scalar values (enough for a base
/// with a combining mark or an emoji with its presentation selector; more are
/// dropped), so a cell is plain data and comparing cells — which the diff does
/// for every cell of every frame — is comparing a few integers.
public struct Cell: Sendable, Equatable {
    private var scalar: UInt32
    private var extra1: UInt32 = 0
    private var extra2: UInt32 = 0
    public var style: Style
    /// Columns the character takes: 1, 2 (wide), or 0 for a continuation cell.
    public var width: UInt8

    public init(_ character: Character = " ", style: Style = .plain, width: UInt8 = 1) {
        self.scalar = 0x20
        self.style = style
        self.width = width
        self.character = character
    }

    /// A cell for a single scalar (the fast path for plain text).
    init(scalar: Unicode.Scalar, style: Style, width: UInt8 = 1) {
        self.scalar = scalar.value
        self.style = style
        self.width = width
    }

    public var character: Character {
        get {
            let head = Unicode.Scalar(scalar) ?? " "
            guard extra1 != 0 else { return Character(head) }
            var text = String(head)
            for value in [extra1, extra2] where value != 0 {
                if let next = Unicode.Scalar(value) { text.unicodeScalars.append(next) }
            }
            return Character(text)
        }
        set {
            var iterator = newValue.unicodeScalars.makeIterator()
            scalar = iterator.next()?.value ?? 0x20
            extra1 = iterator.next()?.value ?? 0
            extra2 = extra1 == 0 ? 0 : (iterator.next()?.value ?? 0)
        }
    }

    public static let blank = Cell()

    public var isContinuation: Bool { width == 0 }

    static func continuation(style: Style) -> Cell { Cell(scalar: " ", style: style, width: 0) }
}
