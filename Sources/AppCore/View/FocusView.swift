import SimKernel
import SimRuntime
import TUI

/// One program full screen: source with thread markers, structures and
/// threads, a per-thread timeline and the kernel's event log.
struct FocusView {
    let session: Session
    let paneIndex: Int

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard session.panes.indices.contains(paneIndex) else { return }
        let pane = session.panes[paneIndex]
        let name = session.kind == .playground ? "Playground" : "Focus \(paneIndex + 1)/\(session.panes.count)"
        let (header, rest) = area.splitTop(1)
        TextBlock.drawLine(HeaderLine(session: session, screenName: name).line(context: context), x: header.x, y: header.y,
                           width: header.width, on: &grid, context: context)
        let (top, bottom) = rest.splitVertically(fraction: 0.56)
        let (sourceArea, sideArea) = top.splitHorizontally(fraction: 0.6)
        let (timelineArea, logArea) = bottom.splitHorizontally(fraction: 0.5)
        drawSource(pane, in: sourceArea, on: &grid, context: context)
        drawSide(pane, in: sideArea, on: &grid, context: context)
        drawTimeline(pane, in: timelineArea, on: &grid, context: context)
        let output = pane.simulation.output
        let problem = problemText(pane.simulation.outcome)
        if (!output.isEmpty || problem != nil), logArea.height >= 9 {
            let (eventsArea, outputArea) = logArea.splitVertically(fraction: 0.6)
            drawLog(pane, in: eventsArea, on: &grid, context: context)
            drawOutput(output, problem: problem, in: outputArea, on: &grid, context: context)
        } else {
            drawLog(pane, in: logArea, on: &grid, context: context)
        }
    }

    private func problemText(_ outcome: SimulationOutcome?) -> String? {
        switch outcome {
        case .fault(let message)?: return message
        case .deadlock(let message)?: return message
        default: return nil
        }
    }

    /// What the program printed, wrapped to the box, then a fault or deadlock
    /// message: its last lines, or earlier ones scrolled to with `{` and `}`.
    private func drawOutput(_ output: String, problem: String?, in area: Rect, on grid: inout Grid, context: DrawContext) {
        var printed: [Line] = output.split(separator: "\n", omittingEmptySubsequences: false).map { [Span(String($0), .text)] }
        if printed.last?.plainText.isEmpty ?? false { printed.removeLast() }
        if let problem {
            printed += problem.split(separator: "\n").map { [Span(String($0), .error)] }
        }
        let width = max(1, area.width - 2)
        let lines = printed.flatMap { $0.displayWidth > width ? $0.wrapped(width: width) : [$0] }
        let height = max(0, area.height - 2)
        let back = min(session.outputScroll, max(0, lines.count - height))
        let end = lines.count - back
        let first = max(0, end - height)
        let g = context.glyphs
        var notes: [String] = []
        if first > 0 { notes.append((g.isASCII ? "^" : "↑") + "\(first)") }
        if back > 0 { notes.append((g.isASCII ? "v" : "↓") + "\(back)") }
        let note: Line = notes.isEmpty ? [] : [Span(notes.joined(separator: " ") + " { }", .dim)]
        let inner = Box(title: [Span("Output", .title)], note: note).draw(in: area, on: &grid, context: context)
        WheelTarget.output.record(area, on: &grid)
        guard !inner.isEmpty else { return }
        TextBlock(Array(lines[first..<end])).draw(in: inner, on: &grid, context: context)
    }

    private func drawSource(_ pane: PaneState, in area: Rect, on grid: inout Grid, context: DrawContext) {
        var title: Line = [Span(pane.label, .title)]
        if let name = SourcePane.file(of: pane)?.name, name != pane.label {
            title += [Span(" \(context.glyphs.middleDot) ", .dim), Span(name, .text)]
        }
        let note = PaneContent(pane: pane, clock: session.clock, context: context, isSelectedPane: true).note()
        SourcePane(session: session, pane: pane, title: title, note: note).draw(in: area, on: &grid, context: context)
    }

    private func drawSide(_ pane: PaneState, in area: Rect, on grid: inout Grid, context: DrawContext) {
        let inner = Box("Threads and structures").draw(in: area, on: &grid, context: context)
        WheelTarget.threads(pane: paneIndex).record(area, on: &grid)
        guard !inner.isEmpty else { return }
        let content = PaneContent(pane: pane, clock: session.clock, context: context, isSelectedPane: true)
        let body = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height)
        let structures = content.structureLines(width: body.width)
        let counters = content.counterLines(width: body.width)
        // Threads leave room for the structures and counters, but keep at least three rows;
        // the OVERLAPPEDs and the stack line take what is left.
        let threadLines = content.threadLines(width: body.width)
        let threads = ThreadList(entries: threadLines, selectedThread: pane.selectedThread, paneIndex: paneIndex,
                                 busy: content.busyThreads)
        let threadRows = max(min(3, body.height), body.height - structures.count - counters.count)
        var row = threads.draw(x: body.x, y: body.y, width: body.width, rows: threadRows, on: &grid, context: context)
        // The OVERLAPPEDs take what room is left, leaving the counters and the stack line.
        let overlapped = content.overlappedLines(maxRows: body.height - row - structures.count - counters.count - 2,
                                                 width: body.width)
        var rest = structures + (overlapped.isEmpty ? [] : [[]] + overlapped) + counters
        if let selected = pane.selectedThread.flatMap({ pane.machine.thread($0) }) {
            // The detail of the selected thread, whole: what its row had to cut, then its call chain.
            var detail: [Line] = []
            if let row = threadLines.first(where: { $0.threadID == selected.id }), row.line.displayWidth > body.width {
                detail.append([Span(selected.name + " ", .header), Span(Format.activity(selected, glyphs: context.glyphs), .text)])
            }
            detail.append(stackLine(selected, glyphs: context.glyphs))
            rest += detail.flatMap { $0.displayWidth > body.width ? $0.wrapped(width: body.width) : [$0] }
        }
        for line in rest where row < body.height {
            TextBlock.drawLine(line, x: body.x, y: body.y + row, width: body.width, on: &grid, context: context)
            row += 1
        }
    }

    /// The selected thread's call chain, innermost first, with its CPU time and wakeups.
    private func stackLine(_ thread: ThreadView, glyphs: Glyphs) -> Line {
        let arrow = glyphs.isASCII ? " < " : " \u{2190} "
        let frames = thread.stack.map { loc in (loc.function.isEmpty ? "line" : loc.function) + ":\(loc.line)" }
        var line: Line = [Span(thread.name + " ", .header)]
        line.append(Span(frames.isEmpty ? "-" : frames.joined(separator: arrow), .text))
        line.append(Span("  cpu \(Format.duration(thread.cpuTime, glyphs: glyphs)) wake \(thread.wakeups)", .dim))
        return line
    }

    private func drawTimeline(_ pane: PaneState, in area: Rect, on grid: inout Grid, context: DrawContext) {
        let legend: Line = [Span("X run R rdy W wait A alrt", .dim)]
        let inner = Box(title: [Span("Timeline", .title)], note: legend).draw(in: area, on: &grid, context: context)
        WheelTarget.threads(pane: paneIndex).record(area, on: &grid)
        PaneContent(pane: pane, clock: session.clock, context: context, isSelectedPane: true)
            .timeline(end: session.clock, markTime: session.divergence?.time)
            .draw(in: inner, on: &grid, context: context)
    }

    private func drawLog(_ pane: PaneState, in area: Rect, on grid: inout Grid, context: DrawContext) {
        let count = pane.simulation.logCount
        // The line in focus is `back` lines before the newest (PgUp, `<`, the
        // wheel move it, back to the oldest line) and is shown whole.
        let rows = max(1, area.height - 2)
        let back = min(session.logScroll, max(0, count - 1))
        var note: Line = [Span("\(count)", .dim)]
        if back > 0 { note = [Span("\(back) newer below", .dim)] }
        let inner = Box(title: [Span("Kernel events", .title)], note: note)
            .draw(in: area, on: &grid, context: context)
        guard !inner.isEmpty else { return }
        LogPage.record(inner, on: &grid)
        WheelTarget.log.record(area, on: &grid)
        let entries = pane.simulation.recentLog(rows + back)
        let lines = entries.map { entry -> Line in
            [Span(entry.text, entry.isWarning ? .warning : entry.thread == pane.selectedThread ? .strong : .text)]
        }
        var shown = LogWindow(lines: lines, focus: lines.count - 1 - back, highlight: back > 0)
            .rows(height: inner.height, width: inner.width)
        if count == 0, pane.machine.counters.kernelEvents > 0 {
            shown = [[Span("(this run records no event log)", .dim)]]
        }
        if let problem = problemText(pane.simulation.outcome), inner.height < 9 {
            // No room for the output box: the problem takes the last line.
            shown = Array(shown.suffix(max(0, inner.height - 1))) + [[Span(problem, .error)]]
        }
        TextBlock(shown).draw(in: inner, on: &grid, context: context)
    }
}
