import TUI

/// The four methods side by side: 2×2, or four columns on a wide terminal.
struct CompareView {
    let session: Session

    /// Four columns need this many cells across; below it the panes are 2×2.
    static let fourColumnWidth = 168

    static func paneRects(in area: Rect, count: Int) -> [Rect] {
        if count == 4 {
            return area.width >= fourColumnWidth ? area.columns(4) : area.quadrants()
        }
        return area.columns(max(1, count))
    }

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        let (header, rest) = area.splitTop(1)
        var (panesArea, markerRow) = rest.splitBottom(1)
        TextBlock.drawLine(HeaderLine(session: session, screenName: "Compare").line(context: context), x: header.x, y: header.y,
                           width: header.width, on: &grid, context: context)
        if session.isFinished, session.panes.count > 1 {
            // The verdict: who finished first, by how much, at what cost.
            let results = ResultsTable(session: session)
            let (top, bottom) = panesArea.splitBottom(min(results.height, max(0, panesArea.height - 8)))
            panesArea = top
            results.draw(in: bottom, on: &grid, context: context)
        }
        let rects = CompareView.paneRects(in: panesArea, count: session.panes.count)
        for (index, rect) in rects.enumerated() where index < session.panes.count {
            PaneView(session: session, index: index).draw(in: rect, on: &grid, context: context)
        }
        TextBlock.drawLine(DivergenceLine(session: session).line(context: context, width: markerRow.width), x: markerRow.x, y: markerRow.y,
                           width: markerRow.width, on: &grid, context: context)
    }
}
