import TUI

/// The `?` overlay: the keys of the current screen and what every figure
/// and glyph on it means.
enum HelpOverlay {
    /// Compare, Focus and the Playground: two keys a row.
    static let sessionKeys: [(String, String)] = [
        ("s  Right", "next event (one clock)"), ("t", "one statement"),
        ("p  Space", "run / pause"), ("u +  d -", "faster / slower"),
        ("b  Left", "step back (exact)"), ("r", "restart"),
        ("j k  Down Up", "select thread (or click)"), ("n Tab  1-4", "select pane"),
        ("f  Enter", "focus the pane / all panes"), ("q  Esc", "back / quit"),
        ("PgUp PgDn", "event log older / newer"), ("w", "why it woke (causes)"),
        ("?  F1", "this help"),
    ]

    static let homeKeys: [(String, String)] = [
        ("j k  Down Up", "move through lessons and tools"), ("Enter  l", "open the selection"),
        ("c", "Compare the four methods"), ("o", "open a C file in the Playground"),
        ("q  Esc", "quit"), ("?  F1  h", "this help"),
    ]

    static func modal(for screen: Screen, context: DrawContext) -> Modal {
        screen == .home ? homeModal() : sessionModal(context: context)
    }

    static func homeModal() -> Modal {
        let lines: [Line] = homeKeys.map { key, text in [Span(key.padding(to: 14), .key), Span("  " + text, .text)] }
        return Modal(title: "Keys", lines: lines, footer: [Span("? q or Esc closes", .dim)])
    }

    static func sessionModal(context: DrawContext) -> Modal {
        let g = context.glyphs
        var lines: [Line] = stride(from: 0, to: sessionKeys.count, by: 2).map { index in
            let (key, text) = sessionKeys[index]
            var line: Line = [Span(key.padding(to: 12), .key), Span(" " + text.padding(to: 27), .text)]
            if index + 1 < sessionKeys.count {
                let (key2, text2) = sessionKeys[index + 1]
                line += [Span(key2.padding(to: 10), .key), Span(" " + text2, .text)]
            }
            return line
        }
        lines.append([])
        lines.append([Span("Threads: ", .header),
                      Span("\(g.stateGlyph("X"))X running ", .running), Span("\(g.stateGlyph("R"))R ready ", .ready),
                      Span("\(g.stateGlyph("W"))W waiting ", .waiting), Span("\(g.stateGlyph("A"))A alertable ", .alertable),
                      Span("\(g.stateGlyph("T"))T ended", .terminated)])
        lines.append([Span("Signal: ", .header), Span("\(g.signaled) set  ", .signaled), Span("\(g.unsignaled) clear", .unsignaled),
                      Span("   queues oldest first; LIFO waiters newest first", .dim)])
        let legend: [(String, String)] = [
            ("done", "requests completed; N/s per virtual second"),
            ("lat", "completion to handler (APC or port), mean"),
            ("ctx", "context switches; wake wakeups; cpu CPU busy"),
            ("over", "runnable threads beyond the CPUs"),
            ("Port", "run N/M: running count / concurrency limit"),
            ("LIFO", "waiting threads; rel released; pau paused"),
            ("I/O", "requests: OVERLAPPED name @offset length"),
            ("warn", "misuse warnings the thread raised (see log)"),
            ("\(g.divergence)", "first moment the methods differ (done/handled)"),
        ]
        for (term, meaning) in legend {
            lines.append([Span(term.padding(to: 5), .header), Span(" " + meaning, .dim)])
        }
        return Modal(title: "Keys and figures", lines: lines, footer: [Span("? q or Esc closes", .dim)])
    }
}
