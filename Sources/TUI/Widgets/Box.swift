/// A bordered rectangle with a title on its top edge (and an optional note on
/// the right of the top edge). Drawing it returns the inner area.
public struct Box: Sendable, Equatable {
    public var title: Line
    public var note: Line
    public var focused: Bool

    public init(title: Line = [], note: Line = [], focused: Bool = false) {
        self.title = title; self.note = note; self.focused = focused
    }

    public init(_ title: String, focused: Bool = false) {
        self.init(title: [Span(title, .title)], focused: focused)
    }

    @discardableResult
    public func draw(in area: Rect, on grid: inout Grid, context: DrawContext) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let g = context.glyphs
        let style = context.style(focused ? .focusedBorder : .border)
        grid.fill(area)
        for column in (area.x + 1)..<(area.maxX - 1) {
            grid.set(x: column, y: area.y, Cell(g.horizontal, style: style))
            grid.set(x: column, y: area.maxY - 1, Cell(g.horizontal, style: style))
        }
        for row in (area.y + 1)..<(area.maxY - 1) {
            grid.set(x: area.x, y: row, Cell(g.vertical, style: style))
            grid.set(x: area.maxX - 1, y: row, Cell(g.vertical, style: style))
        }
        grid.set(x: area.x, y: area.y, Cell(g.topLeft, style: style))
        grid.set(x: area.maxX - 1, y: area.y, Cell(g.topRight, style: style))
        grid.set(x: area.x, y: area.maxY - 1, Cell(g.bottomLeft, style: style))
        grid.set(x: area.maxX - 1, y: area.maxY - 1, Cell(g.bottomRight, style: style))
        let room = area.width - 4
        guard room > 0 else { return area.inset(by: 1) }
        let paddedTitle = title.isEmpty ? title : [Span(" ", .border)] + title + [Span(" ", .border)]
        let paddedNote = note.isEmpty ? note : [Span(" ", .border)] + note + [Span(" ", .border)]
        let titleWidth = paddedTitle.displayWidth, noteWidth = paddedNote.displayWidth
        // The title wins: the note shows only when both fit.
        let showNote = noteWidth > 0 && titleWidth + noteWidth + 1 <= room + 1
        if showNote {
            grid.put(paddedNote, x: area.maxX - 2 - noteWidth, y: area.y, maxWidth: noteWidth, context: context)
        }
        if !paddedTitle.isEmpty {
            TextBlock.drawLine(paddedTitle, x: area.x + 1, y: area.y, width: min(titleWidth, room + 2), on: &grid, context: context)
        }
        return area.inset(by: 1)
    }
}
