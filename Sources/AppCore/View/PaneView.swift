import TUI

/// One method in the Compare screen.
struct PaneView {
    let session: Session
    let index: Int

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        let pane = session.panes[index]
        let selected = index == session.selectedPane
        let content = PaneContent(pane: pane, clock: session.clock, context: context, isSelectedPane: selected)
        let title: Line = [Span("\(index + 1) ", .key), Span(pane.label, .title)]
        let inner = Box(title: title, note: content.note(), focused: selected).draw(in: area, on: &grid, context: context)
        guard !inner.isEmpty else { return }
        grid.regions.append(.init(rect: area, tag: ClickTarget.pane(index).tag))
        WheelTarget.threads(pane: index).record(area, on: &grid)
        let body = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height)
        let width = body.width
        let counters = content.counterLines(width: width)
        let structures = content.structureLines(width: width)
        let threads = content.threadLines(width: width)
        let wantsSparkline = body.height >= 14
        let fixed = counters.count + (wantsSparkline ? 1 : 0)
        // Room for the selected thread, every busy one and the "+N more" line.
        let busy = content.busyThreads
        let mustShow = busy.subtracting(pane.selectedThread.map { [$0] } ?? []).count + 1
        let minThreads = min(threads.count, max(3, mustShow + 1))
        let structureRows = min(structures.count, max(0, body.height - fixed - minThreads))
        let threadRows = max(0, body.height - fixed - structureRows)
        let list = ThreadList(entries: threads, selectedThread: pane.selectedThread, paneIndex: index, busy: busy)
        var row = list.draw(x: body.x, y: body.y, width: width, rows: threadRows, on: &grid, context: context)
        // A blank line between threads and structures when there is room.
        if row > 0, row < body.height - fixed - structureRows { row += 1 }
        for line in structures.prefix(structureRows) {
            TextBlock.drawLine(line, x: body.x, y: body.y + row, width: width, on: &grid, context: context)
            row += 1
        }
        // Spare rows show the threads' states over time.
        let spare = body.height - fixed - row
        if spare >= 3, !pane.tracks.isEmpty {
            let rows = min(pane.tracks.count, spare - 1)
            content.timeline(end: session.clock, markTime: session.divergence?.time)
                .draw(in: Rect(x: body.x, y: body.y + row + 1, width: width, height: rows), on: &grid, context: context)
            row += rows + 1
        }
        row = max(row, body.height - fixed)
        if wantsSparkline {
            let most = session.panes.map { $0.machine.counters.requestsCompleted }.max()
            let line = content.doneSparkline(width: width, end: session.clock, markTime: session.divergence?.time,
                                                maximum: most)
            TextBlock.drawLine(line, x: body.x, y: body.y + row, width: width, on: &grid, context: context)
            row += 1
        }
        for line in counters {
            TextBlock.drawLine(line, x: body.x, y: body.y + row, width: width, on: &grid, context: context)
            row += 1
        }
    }
}
