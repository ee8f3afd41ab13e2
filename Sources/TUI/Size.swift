/// A terminal size in columns and rows.
public struct Size: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
    public var description: String { "\(width)×\(height)" }
}

extension Size {
    /// The largest screen the app draws (a grid holds every cell); larger
    /// terminals are drawn at this size in their top-left corner.
    public static let largestDrawn = Size(width: 1_000, height: 400)

    /// This size, no larger than `largestDrawn` and never negative.
    public var cappedForDrawing: Size {
        Size(width: min(max(0, width), Size.largestDrawn.width), height: min(max(0, height), Size.largestDrawn.height))
    }
}
