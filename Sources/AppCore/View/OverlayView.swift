import TUI

/// Help, messages and the file prompt, drawn over the screen.
struct OverlayView {
    let overlay: Overlay

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        switch overlay {
        case .help:
            HelpOverlay.modal(context: context).draw(in: area, on: &grid, context: context)
        case .message(let title, let lines):
            Modal(title: title, lines: lines.map { [Span($0, .text)] }, footer: [Span("q or Enter closes", .dim)])
                .draw(in: area, on: &grid, context: context)
        case .openFile(let path):
            let field = path + "_"
            let width = max(40, min(area.width - 8, CharacterWidth.of(field) + 2))
            let lines: [Line] = [
                [Span("Path of a C program (.c) to run in the Playground:", .text)],
                [Span(String(field.suffix(width)), .selection)],
            ]
            Modal(title: "Open a program", lines: lines, footer: [Span("Enter opens · Esc cancels", .dim)])
                .draw(in: area, on: &grid, context: context)
        }
    }
}

/// The `?` overlay: every key and what the state letters mean.
enum HelpOverlay {
    static let rows: [(String, String)] = [
        ("s  Right", "step one kernel event (all panes, lockstep)"),
        ("t", "step one statement of the selected thread"),
        ("p  Space", "run / pause"),
        ("u + / d -", "run faster / slower"),
        ("b  Left", "step back (exact)"),
        ("r", "restart from the beginning"),
        ("j k  Down Up", "select thread (or click it)"),
        ("n  Tab / 1-4", "select pane"),
        ("f  Enter", "focus the pane / back to all"),
        ("q  Esc", "back / quit"),
        ("?  F1", "this help"),
    ]

    static func modal(context: DrawContext) -> Modal {
        let g = context.glyphs
        var lines: [Line] = rows.map { key, text in
            [Span(key.padding(to: 14), .key), Span("  " + text, .text)]
        }
        lines.append([])
        lines.append([Span("Thread states: ", .header),
                      Span("\(g.stateGlyph("X"))X running ", .running), Span("\(g.stateGlyph("R"))R ready ", .ready),
                      Span("\(g.stateGlyph("W"))W waiting ", .waiting), Span("\(g.stateGlyph("A"))A alertable ", .alertable),
                      Span("\(g.stateGlyph("T"))T ended", .terminated)])
        lines.append([Span("Signal: ", .header), Span("\(g.signaled) set  ", .signaled), Span("\(g.unsignaled) clear", .unsignaled),
                      Span("   Queues: oldest first, [ ] = next free slot", .dim)])
        return Modal(title: "Keys", lines: lines, footer: [Span("? q or Esc closes", .dim)])
    }
}

extension String {
    func padding(to width: Int) -> String {
        let w = CharacterWidth.of(self)
        return w >= width ? self : self + String(repeating: " ", count: width - w)
    }
}
