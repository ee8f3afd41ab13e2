import TUI

/// A program's source in a box: the file the selected thread is in, every
/// thread's marker, the selected thread's line kept in view (moved by
/// `[` and `]` until the next step), and a note on the bottom edge where
/// lines are out of view.
struct SourcePane {
    let session: Session
    let pane: PaneState
    let title: Line
    let note: Line

    /// The file shown: the selected thread's, else the program's first.
    static func file(of pane: PaneState) -> (name: String, text: String)? {
        let selected = pane.selectedThread.flatMap { pane.machine.thread($0) }
        let files = pane.simulation.sourceFiles
        let fileName = selected?.location?.file ?? files.first?.name ?? ""
        return (files.first { $0.name == fileName } ?? files.first).map { ($0.name, $0.text) }
    }

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        let inner = Box(title: title, note: note, focused: true).draw(in: area, on: &grid, context: context)
        WheelTarget.source.record(area, on: &grid)
        guard let file = SourcePane.file(of: pane), !inner.isEmpty else { return }
        let machine = pane.machine
        let markers = machine.threads.compactMap { thread -> SourceView.Marker? in
            guard let location = thread.location, location.file == file.name else { return nil }
            return SourceView.Marker(line: location.line, label: thread.name, role: Format.role(for: thread.state),
                                     selected: thread.id == pane.selectedThread)
        }
        let selected = pane.selectedThread.flatMap { machine.thread($0) }
        let focusLine = selected?.location.flatMap { $0.file == file.name ? $0.line : nil }
        let view = SourceView(text: file.text, markers: markers, focusLine: focusLine, scroll: session.sourceScroll)
        view.draw(in: inner, on: &grid, context: context)
        let hidden = view.hiddenLines(height: inner.height)
        guard hidden.above + hidden.below > 0 else { return }
        let g = context.glyphs
        var parts: [String] = []
        if hidden.above > 0 { parts.append((g.isASCII ? "^" : "↑") + "\(hidden.above)") }
        if hidden.below > 0 { parts.append((g.isASCII ? "v" : "↓") + "\(hidden.below)") }
        let more: Line = [Span(" " + parts.joined(separator: " ") + " [ ] ", .dim)]
        if more.displayWidth + 4 <= area.width {
            grid.put(more, x: area.maxX - 2 - more.displayWidth, y: area.maxY - 1, maxWidth: more.displayWidth, context: context)
        }
    }
}
