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
        let contentWidth = max(lines.map(\.displayWidth).max() ?? 0, footer.displayWidth, CharacterWidth.of(title) + 2)
        let height = lines.count + 2 + (footer.isEmpty ? 0 : 2)
        return area.centered(width: contentWidth + 4, height: height)
    }

    public func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        let dim = context.style(.dim)
        grid.restyle(area) { _ in dim }
        let rect = frame(in: area)
        let inner = Box(title: [Span(title, .title)], focused: true).draw(in: rect, on: &grid, context: context)
        guard !inner.isEmpty else { return }
        let body = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let (textArea, footerArea) = footer.isEmpty ? (body, Rect(x: 0, y: 0, width: 0, height: 0)) : body.splitBottom(1)
        TextBlock(lines).draw(in: textArea, on: &grid, context: context)
        if !footer.isEmpty {
            TextBlock.drawLine(footer, x: footerArea.x, y: footerArea.y, width: footerArea.width, on: &grid, context: context)
        }
    }
}
