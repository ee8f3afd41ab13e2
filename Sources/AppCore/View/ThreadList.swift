import TUI

/// A pane's thread lines in the rows it has: a window that always holds the
/// selected thread (so the running or selected thread never hides among the
/// rest), and a last row saying how many are out of view.
struct ThreadList {
    let entries: [(line: Line, threadID: Int)]
    let selectedThread: Int?
    let paneIndex: Int

    /// The rows the list takes out of `rows`: every thread when they fit.
    func rowsUsed(of rows: Int) -> Int { min(entries.count, max(0, rows)) }

    /// The indices of the threads shown in `rows` rows (one row goes to the
    /// "+N more" line when not all fit).
    func shownRange(rows: Int) -> Range<Int> {
        guard entries.count > rows else { return 0..<entries.count }
        let shown = max(0, rows - 1)
        let selectedRow = entries.firstIndex { $0.threadID == selectedThread } ?? 0
        let first = min(max(0, selectedRow - shown + 1), max(0, entries.count - shown))
        return first..<(first + shown)
    }

    /// Draws the list from `y` down in at most `rows` rows; returns the rows used.
    @discardableResult
    func draw(x: Int, y: Int, width: Int, rows: Int, on grid: inout Grid, context: DrawContext) -> Int {
        guard rows > 0 else { return 0 }
        let range = shownRange(rows: rows)
        var row = 0
        for entry in entries[range] {
            TextBlock.drawLine(entry.line, x: x, y: y + row, width: width, on: &grid, context: context)
            grid.regions.append(.init(rect: Rect(x: x, y: y + row, width: width, height: 1),
                                      tag: ClickTarget.thread(pane: paneIndex, id: entry.threadID).tag))
            row += 1
        }
        let hidden = entries.count - range.count
        if hidden > 0 {
            let above = range.lowerBound, below = entries.count - range.upperBound
            var position = ""
            if above > 0, below > 0 { position = " (\(above) above)" } else if above > 0 { position = " above" }
            let text = "+\(hidden) more thread\(hidden == 1 ? "" : "s")\(position) (j/k)"
            TextBlock.drawLine([Span(text, .dim)], x: x, y: y + row, width: width, on: &grid, context: context)
            row += 1
        }
        return row
    }
}
