import TUI

/// The `?` overlay on the Lesson screen: the lesson keys, then the keys that
/// explore the step's simulation.
enum LessonHelpOverlay {
    static let rows: [(String, String)] = [
        ("Enter  Right PgDn", "next step (the simulation runs to its stop)"),
        ("Left  Bksp", "back: undo a free step, else the previous step"),
        ("v  PgUp", "previous step (exactly as it was)"),
        ("Home", "start the lesson over from its first step"),
        ("h", "show the next hint"),
        ("a b c d", "answer the question, or choose a decision's option"),
        ("J / K", "scroll the lesson text (wheel: the pane under it)"),
        ("[ ]  { }", "scroll the source / the output"),
        ("s / t", "explore: one kernel event / one statement"),
        ("p  Space", "explore: run / pause (u d speed)"),
        ("r", "put the simulation back where the step left it"),
        ("j k  Down Up", "select thread (or, in a decision, an option)"),
        ("Tab  1-4  f", "select pane / one pane full size (several programs)"),
        ("R", "watch the reveal again from the question's moment"),
        ("P", "presenter mode: big panes, clicker keys, a class vote"),
        ("q  Esc", "leave the lesson"),
        ("?  F1", "this help"),
    ]

    static func modal(context: DrawContext) -> Modal {
        let g = context.glyphs
        var lines: [Line] = rows.map { key, text in
            [Span(key.padding(to: 17), .key), Span(" " + text, .text)]
        }
        lines.append([])
        lines.append([Span("Exploring moves a copy: next goes on from the step's own stop.", .dim)])
        lines.append([Span("Thread states: ", .header),
                      Span("\(g.stateGlyph(.running))X running ", .running), Span("\(g.stateGlyph(.ready))R ready ", .ready),
                      Span("\(g.stateGlyph(.waiting))W waiting ", .waiting), Span("\(g.stateGlyph(.alertable))A alertable ", .alertable),
                      Span("\(g.stateGlyph(.terminated))T ended", .terminated)])
        return Modal(title: "Lesson keys", lines: lines, footer: [Span("? q or Esc closes", .dim)])
    }
}
