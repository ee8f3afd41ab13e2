import TUI

/// The `?` overlay: the keys of the current screen and what every figure
/// and glyph on it means.
enum HelpOverlay {
    /// Compare, Focus and the Playground: two keys a row.
    static func sessionKeys(for screen: Screen) -> [(String, String)] {
        var keys: [(String, String)] = [
            ("s t  Right", "next event / one statement"), ("p  Space", "run / pause"),
            ("u +  d -", "faster / slower"), ("Left  Bksp", "step back (exact)"),
            ("r", "restart"), ("j k  Down Up", "select thread / click"),
            ("wheel", "scroll the pane under it"),
            ("n Tab  1-4", "select pane"), ("w", "why it woke (causes)"),
        ]
        if screen == .compare {
            keys += [("PgUp PgDn", "threads by a page"), ("Home End", "first / last thread"),
                     ("f  Enter", "focus the selected pane")]
        } else {
            keys += [("PgUp PgDn < >", "log by page / line"), ("Home End", "oldest / newest events"),
                     ("[ ]  { }", "scroll the source / output")]
            if screen != .playground { keys.append(("f  Enter", "all panes again")) }
        }
        let inFocus: Bool = { if case .focus = screen { return true } else { return false } }()
        keys.append(("q  Esc", inFocus ? "back to all panes" : "back / quit"))
        return keys
    }

    static let homeKeys: [(String, String)] = [
        ("j k  Down Up", "move through lessons and tools"), ("Home End", "first / last entry"),
        ("PgUp PgDn", "five entries up / down"), ("Enter  l", "open the selection"),
        ("c", "Compare the four methods"), ("o", "open a C file in the Playground"),
        ("q  Esc", "quit"), ("?  F1  h", "this help"),
    ]

    static func modal(for screen: Screen, context: DrawContext) -> Modal {
        screen == .home ? homeModal() : sessionModal(for: screen, context: context)
    }

    static func homeModal() -> Modal {
        let lines: [Line] = homeKeys.map { key, text in [Span(key.padding(to: 14), .key), Span("  " + text, .text)] }
        return Modal(title: "Keys", lines: lines, footer: [Span("? q or Esc closes", .dim)])
    }

    static func sessionModal(for screen: Screen, context: DrawContext) -> Modal {
        let g = context.glyphs
        let sessionKeys = self.sessionKeys(for: screen)
        // Two keys a row, each column as wide as its widest entry.
        let left = stride(from: 0, to: sessionKeys.count, by: 2).map { sessionKeys[$0] }
        let right = stride(from: 1, to: sessionKeys.count, by: 2).map { sessionKeys[$0] }
        let leftKey = left.map { CharacterWidth.of($0.0) }.max() ?? 0
        let leftText = left.map { CharacterWidth.of($0.1) }.max() ?? 0
        let rightKey = right.map { CharacterWidth.of($0.0) }.max() ?? 0
        var lines: [Line] = left.indices.map { row in
            let (key, text) = left[row]
            var line: Line = [Span(key.padding(to: leftKey), .key), Span(" " + text.padding(to: leftText + 1), .text)]
            if row < right.count {
                let (key2, text2) = right[row]
                line += [Span(key2.padding(to: rightKey), .key), Span(" " + text2, .text)]
            }
            return line
        }
        lines.append([])
        lines.append([Span("Threads: ", .header),
                      Span("\(g.stateGlyph(.running))X running ", .running), Span("\(g.stateGlyph(.ready))R ready ", .ready),
                      Span("\(g.stateGlyph(.waiting))W waiting ", .waiting), Span("\(g.stateGlyph(.alertable))A alertable ", .alertable),
                      Span("\(g.stateGlyph(.terminated))T ended", .terminated)])
        lines.append([Span("Signal: ", .header), Span("\(g.signaled) set  ", .signaled), Span("\(g.unsignaled) clear", .unsignaled),
                      Span("   queues oldest first; LIFO waiters newest first", .dim)])
        var legend: [(String, String)] = [
            ("done", "requests completed; N/s per virtual second"),
            ("lat", "completion until the program learns of it, mean"),
            ("ctx", "context switches; wake wakeups; cpu CPU busy"),
            ("over", "runnable threads beyond the CPUs"),
            ("Port", "run N/M: running count / concurrency limit"),
            ("LIFO", "waiting threads; rel released; pau paused"),
            ("I/O", "requests: OVERLAPPED name @offset length"),
            ("warn", "misuse warnings the thread raised (see log)"),
        ]
        if screen == .compare { legend.append(("\(g.divergence)", "first moment the methods differ (done/handled)")) }
        if screen != .compare { legend.append(("log", "the line in focus (bottom) is shown whole")) }
        for (term, meaning) in legend {
            lines.append([Span(term.padding(to: 5), .header), Span(" " + meaning, .dim)])
        }
        return Modal(title: "Keys and figures", lines: lines, footer: [Span("? q or Esc closes", .dim)])
    }
}
