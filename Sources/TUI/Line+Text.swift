/// Measuring and flattening a line of spans.
extension Array where Element == Span {
    /// Columns the line takes on screen.
    public var displayWidth: Int { reduce(0) { $0 + CharacterWidth.of($1.text) } }
    public var plainText: String { map(\.text).joined() }
}
