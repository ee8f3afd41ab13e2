/// The bottom bar of key hints: `s step  p run  ? help`. Items that do not fit
/// are dropped from the end, except the last one (help), which always shows.
public struct KeyBar: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var key: String
        public var label: String
        public init(_ key: String, _ label: String) { self.key = key; self.label = label }
    }

    public var items: [Item]
    public init(_ items: [Item]) { self.items = items }

    public func line(width: Int) -> Line {
        guard let last = items.last else { return [] }
        func spans(_ item: Item) -> Line { [Span(item.key, .key), Span(" " + item.label + " ", .keyLabel)] }
        let lastSpans = spans(last)
        var result: Line = []
        var used = 0
        for item in items.dropLast() {
            let s = spans(item)
            let w = s.displayWidth + 1
            if used + w + lastSpans.displayWidth > width { break }
            result += s + [Span(" ")]
            used += w
        }
        return result + lastSpans
    }

    public func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard !area.isEmpty else { return }
        grid.fill(area)
        grid.put(line(width: area.width), x: area.x, y: area.y, maxWidth: area.width, context: context)
    }
}
