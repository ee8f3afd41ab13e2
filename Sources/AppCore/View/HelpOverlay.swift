import TUI

/// The `?` overlay: every key and what the state letters mean.
enum HelpOverlay {
    static let rows: [(String, String)] = [
        ("s  Right", "step to the next kernel event (one clock, all panes)"),
        ("t", "step until the selected thread runs a statement"),
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
                      Span("   [ ] = next free slot", .dim)])
        lines.append([Span("Queues: ", .header), Span("FIFO, APC, I/O oldest first; LIFO waiters newest first", .dim)])
        return Modal(title: "Keys", lines: lines, footer: [Span("? q or Esc closes", .dim)])
    }
}
