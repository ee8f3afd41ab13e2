import TUI

/// One program in little room (the Lesson screen on a small terminal): the
/// source around the selected thread's line with every thread's marker, and
/// beside it the threads, the method's structures and the latest kernel events.
struct CompactProgramView {
    let session: Session
    let paneIndex: Int

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard session.panes.indices.contains(paneIndex) else { return }
        let pane = session.panes[paneIndex]
        let content = PaneContent(pane: pane, clock: session.clock, context: context, isSelectedPane: true)
        let (sourceArea, sideArea) = area.splitHorizontally(fraction: 0.55)
        let title: Line = [Span(SourcePane.file(of: pane)?.name ?? pane.label, .title)]
        SourcePane(session: session, pane: pane, title: title, note: content.note()).draw(in: sourceArea, on: &grid, context: context)
        let side = Box(title: [Span("Threads", .title)]).draw(in: sideArea, on: &grid, context: context)
        WheelTarget.threads(pane: paneIndex).record(sideArea, on: &grid)
        guard !side.isEmpty else { return }
        let body = Rect(x: side.x + 1, y: side.y, width: side.width - 1, height: side.height)
        var lines = content.structureLines(width: body.width)
        // Threads first, leaving the structures at least half the rows.
        let threads = ThreadList(entries: content.threadLines(width: body.width), selectedThread: pane.selectedThread,
                                 paneIndex: paneIndex, busy: content.busyThreads)
        let threadRows = max(min(2, body.height), min(body.height - min(lines.count, body.height / 2), body.height))
        var row = threads.draw(x: body.x, y: body.y, width: body.width, rows: threadRows, on: &grid, context: context)
        // The OVERLAPPEDs (what the kernel wrote into them) share the spare rows with the log.
        let spare = body.height - row - lines.count
        if spare >= 4 { lines += content.overlappedLines(maxRows: spare / 2, width: body.width) }
        // The latest kernel events, the newest shown whole.
        let logRows = max(0, body.height - row - lines.count)
        let log = pane.simulation.recentLog(logRows).map {
            [Span($0.text, $0.isWarning ? .warning : $0.thread == pane.selectedThread ? .strong : .dim)]
        }
        lines += LogWindow(lines: log, focus: log.count - 1).rows(height: logRows, width: body.width)
        for line in lines where row < body.height {
            TextBlock.drawLine(line, x: body.x, y: body.y + row, width: body.width, on: &grid, context: context)
            row += 1
        }
    }
}
