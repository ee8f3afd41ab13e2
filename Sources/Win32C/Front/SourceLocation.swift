/// A position in program text: 1-based line and column (columns count bytes).
///
/// `inPrelude` marks the built-in declarations compiled ahead of every program
/// (Win32 types, prototypes and macros), so messages never point into them.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var inPrelude: Bool

    public init(line: Int, column: Int, inPrelude: Bool = false) {
        self.line = line
        self.column = column
        self.inPrelude = inPrelude
    }

    public static let unknown = SourceLocation(line: 0, column: 0)

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}
