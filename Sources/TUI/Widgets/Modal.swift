/// A box drawn over whatever is below it, centred, with lines of text.
/// The area around it is dimmed so it reads as a layer on top.
public struct Modal: Sendable, Equatable {
    public var title: String
    public var lines: [Line]
    public var footer: Line

    public init(title: String, lines: [Line], footer: Line = []) {
        self.title = title; self.lines = lines; self.footer = footer
    }

    /// The rectangle the modal takes in an area.
    public func frame(in area: Rect) -> Rect {
        let shown = fitted(to: area)
        let contentWidth = max(shown.map(\.displayWidth).max() ?? 0, footer.displayWidth, CharacterWidth.of(title) + 2)
        let height = shown.count + 2 + (footer.isEmpty ? 0 : 2)
        return area.centered(width: contentWidth + 4, height: height)
    }

    /// The lines wrapped to the widest modal the area holds: a long message
    /// (a compile error) is shown whole, not cut.
    func fitted(to area: Rect) -> [Line] {
        let room = max(10, area.width - 6)
        return lines.flatMap { $0.displayWidth > room ? $0.wrapped(width: room) : [$0] }
    }

    public func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        let dim = context.style(.dim)
        grid.restyle(area) { _ in dim }
        let rect = frame(in: area)
        let inner = Box(title: [Span(title, .title)], focused: true).draw(in: rect, on: &grid, context: context)
        guard !inner.isEmpty else { return }
        let body = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let (textArea, footerArea) = footer.isEmpty ? (body, Rect(x: 0, y: 0, width: 0, height: 0)) : body.splitBottom(1)
        var shown = fitted(to: area)
        if shown.count > textArea.height, textArea.height > 0 {
            // Never cut silently: the last row says how much more a taller terminal shows.
            let hidden = shown.count - (textArea.height - 1)
            shown = Array(shown.prefix(textArea.height - 1))
                + [[Span("\(context.glyphs.ellipsis) \(hidden) more line\(hidden == 1 ? "" : "s") on a taller terminal", .dim)]]
        }
        TextBlock(shown).draw(in: textArea, on: &grid, context: context)
        if !footer.isEmpty {
            TextBlock.drawLine(footer, x: footerArea.x, y: footerArea.y, width: footerArea.width, on: &grid, context: context)
        }
    }
}
