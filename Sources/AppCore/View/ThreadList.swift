import TUI

/// A pane's thread lines in the rows it has. When not all fit, the rows go
/// first to the selected thread, then to the threads on a CPU or ready for
/// one (what is happening now never hides), then to the threads nearest the
/// selection; they are drawn in their usual order, and a last row says how
/// many are out of view.
struct ThreadList {
    let entries: [(line: Line, threadID: Int)]
    let selectedThread: Int?
    let paneIndex: Int
    /// Threads running or ready: shown before the others.
    var busy: Set<Int> = []

    /// The indices of the threads shown in `rows` rows (one row goes to the
    /// "+N more" line when not all fit), in list order.
    func shownIndices(rows: Int) -> [Int] {
        guard entries.count > rows else { return Array(entries.indices) }
        let room = max(0, rows - 1)
        let selected = entries.firstIndex { $0.threadID == selectedThread } ?? 0
        var chosen: [Int] = [selected]
        chosen += entries.indices.filter { $0 != selected && busy.contains(entries[$0].threadID) }
        // The rest by distance from the selection, the earlier one first on a tie.
        chosen += entries.indices.filter { !chosen.contains($0) }
            .sorted { (abs($0 - selected), $0) < (abs($1 - selected), $1) }
        return Array(chosen.prefix(room)).sorted()
    }

    /// Draws the list from `y` down in at most `rows` rows; returns the rows used.
    @discardableResult
    func draw(x: Int, y: Int, width: Int, rows: Int, on grid: inout Grid, context: DrawContext) -> Int {
        guard rows > 0 else { return 0 }
        let shown = shownIndices(rows: rows)
        var row = 0
        for index in shown {
            let entry = entries[index]
            TextBlock.drawLine(entry.line, x: x, y: y + row, width: width, on: &grid, context: context)
            grid.regions.append(.init(rect: Rect(x: x, y: y + row, width: width, height: 1),
                                      tag: ClickTarget.thread(pane: paneIndex, id: entry.threadID).tag))
            row += 1
        }
        let hidden = entries.count - shown.count
        if hidden > 0 {
            TextBlock.drawLine([Span("+\(hidden) more thread\(hidden == 1 ? "" : "s") (j/k)", .dim)], x: x, y: y + row,
                               width: width, on: &grid, context: context)
            row += 1
        }
        return row
    }
}
