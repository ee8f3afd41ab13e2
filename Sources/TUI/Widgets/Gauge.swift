/// A value against a limit (e.g. running threads against the port's
/// concurrency limit): `2/2 ██░` — going over the limit is drawn in the
/// over-limit style *and* with a `!`, so it never depends on colour.
public struct Gauge: Sendable, Equatable {
    public var value: Int
    public var limit: Int
    public var label: String

    public init(value: Int, limit: Int, label: String = "") {
        self.value = value; self.limit = limit; self.label = label
    }

    public var isOver: Bool { value > limit }

    public func line(width: Int, context: DrawContext) -> Line {
        let g = context.glyphs
        var spans: Line = []
        if !label.isEmpty { spans.append(Span(label + " ", .dim)) }
        let numbers = "\(value)/\(limit)\(isOver ? "!" : "") "
        spans.append(Span(numbers, isOver ? .gaugeOver : .strong))
        let room = width - spans.displayWidth
        let value = max(0, self.value), limit = max(0, self.limit)
        let slots = max(limit, value)
        guard room > 0, slots > 0 else { return spans }
        let shown = min(slots, room)
        // One slot per unit when it fits, otherwise scaled (in Double: no overflow).
        let scale = Double(shown) / Double(slots)
        let filledWithinLimit = Int(Double(min(value, limit)) * scale)
        let filledOver = min(shown - filledWithinLimit, Int(Double(value - min(value, limit)) * scale))
        let emptyCount = max(0, shown - filledWithinLimit - filledOver)
        if filledWithinLimit > 0 { spans.append(Span(String(repeating: g.gaugeFull, count: filledWithinLimit), .gaugeFill)) }
        if filledOver > 0 { spans.append(Span(String(repeating: g.gaugeFull, count: filledOver), .gaugeOver)) }
        if emptyCount > 0 { spans.append(Span(String(repeating: g.gaugeEmpty, count: emptyCount), .gaugeEmpty)) }
        return spans
    }

    public func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard !area.isEmpty else { return }
        grid.put(line(width: area.width, context: context), x: area.x, y: area.y, maxWidth: area.width, context: context)
    }
}
