/// Lines of styled text drawn top to bottom, clipped to the area; lines that
/// do not fit are cut, and a cut line ends with the ellipsis glyph.
public struct TextBlock: Sendable, Equatable {
    public var lines: [Line]
    public init(_ lines: [Line]) { self.lines = lines }

    public func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        for (index, line) in lines.prefix(area.height).enumerated() {
            TextBlock.drawLine(line, x: area.x, y: area.y + index, width: area.width, on: &grid, context: context)
        }
    }

    /// Draws one line, marking truncation with an ellipsis in the last column.
    public static func drawLine(_ line: Line, x: Int, y: Int, width: Int, on grid: inout Grid, context: DrawContext) {
        guard width > 0 else { return }
        let full = line.displayWidth
        grid.put(line, x: x, y: y, maxWidth: width, context: context)
        if full > width {
            grid.set(x: x + width - 1, y: y, Cell(context.glyphs.ellipsis, style: context.style(.dim)))
        }
    }
}
