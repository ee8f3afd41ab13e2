/// A one-row chart of values, one column per value (the newest at the right).
/// Zero is drawn as the lowest level so a flat line is still visible.
public struct Sparkline: Sendable, Equatable {
    public var values: [Int]
    public var role: Role
    /// A column (index into the shown values) to draw in the marker style.
    public var markedIndex: Int?

    /// The value drawn as a full bar; defaults to the largest shown value, so
    /// several sparklines can share one scale.
    public var maximum: Int?

    public init(values: [Int], role: Role = .good, markedIndex: Int? = nil, maximum: Int? = nil) {
        self.values = values; self.role = role; self.markedIndex = markedIndex; self.maximum = maximum
    }

    public func line(width: Int, context: DrawContext) -> Line {
        guard width > 0, !values.isEmpty else { return [] }
        let shown = Array(values.suffix(width))
        let offset = values.count - shown.count
        let top = max(1, maximum ?? shown.max() ?? 1)
        let levels = context.glyphs.levels
        var spans: Line = []
        for (index, value) in shown.enumerated() {
            let clamped = max(0, value)
            let level = Int(Double(min(clamped, top)) / Double(top) * Double(levels.count - 1))
            let marked = markedIndex == index + offset
            spans.append(Span(String(levels[level]), marked ? .divergence : role))
        }
        return spans
    }

    public func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard !area.isEmpty else { return }
        grid.put(line(width: area.width, context: context), x: area.x, y: area.y, maxWidth: area.width, context: context)
    }
}
