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
        let machine = pane.machine
        let selected = pane.selectedThread.flatMap { machine.thread($0) }
        let files = pane.simulation.sourceFiles
        let fileName = selected?.location?.file ?? files.first?.name ?? ""
        let file = files.first { $0.name == fileName } ?? files.first
        let title: Line = [Span(file?.name ?? pane.label, .title)]
        let inner = Box(title: title, note: content.note(), focused: true).draw(in: sourceArea, on: &grid, context: context)
        if let file, !inner.isEmpty {
            let markers = machine.threads.compactMap { thread -> SourceView.Marker? in
                guard let location = thread.location, location.file == file.name else { return nil }
                return SourceView.Marker(line: location.line, label: thread.name, role: Format.role(for: thread.state),
                                         selected: thread.id == pane.selectedThread)
            }
            let focusLine = selected?.location.flatMap { $0.file == file.name ? $0.line : nil }
            SourceView(text: file.text, markers: markers, focusLine: focusLine).draw(in: inner, on: &grid, context: context)
        }
        let side = Box(title: [Span("Threads", .title)]).draw(in: sideArea, on: &grid, context: context)
        guard !side.isEmpty else { return }
        let body = Rect(x: side.x + 1, y: side.y, width: side.width - 1, height: side.height)
        var lines: [Line] = []
        var row = 0
        for entry in content.threadLines(width: body.width) where row < body.height {
            TextBlock.drawLine(entry.line, x: body.x, y: body.y + row, width: body.width, on: &grid, context: context)
            grid.regions.append(.init(rect: Rect(x: body.x, y: body.y + row, width: body.width, height: 1),
                                      tag: "thread:\(paneIndex):\(entry.threadID)"))
            row += 1
        }
        lines += content.structureLines(width: body.width)
        // The OVERLAPPEDs (what the kernel wrote into them) share the spare rows with the log.
        let spare = body.height - row - lines.count
        if spare >= 4 { lines += content.overlappedLines(maxRows: spare / 2, width: body.width) }
        let log = pane.simulation.recentLog(max(0, body.height - row - lines.count))
        lines += log.map { [Span($0.text, $0.action == "warning" ? .warning : $0.thread == pane.selectedThread ? .strong : .dim)] }
        for line in lines where row < body.height {
            TextBlock.drawLine(line, x: body.x, y: body.y + row, width: body.width, on: &grid, context: context)
            row += 1
        }
    }
}
