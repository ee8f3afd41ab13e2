import TUI

/// The rows of an event log drawn around one line in focus, which is shown
/// whole: wrapped onto as many rows as it needs (continuation rows indented
/// by two), while the other lines keep one row each and are cut with the
/// ellipsis. The focused line sits at the bottom with older lines above it;
/// near the oldest line, where there are too few above, newer lines follow
/// it. So scrolling the log line by line (`<` `>`, the wheel, PgUp/PgDn)
/// brings any line into focus and shows it whole.
struct LogWindow {
    /// Consecutive log lines, oldest first.
    let lines: [Line]
    /// The index in `lines` of the line in focus.
    let focus: Int
    /// Highlight the focused line (when the learner scrolled to it; the
    /// newest line at the live end is shown whole without a highlight).
    var highlight: Bool = false

    /// The rows to draw in `height` rows of `width` columns.
    func rows(height: Int, width: Int) -> [Line] {
        guard height > 0, lines.indices.contains(focus) else { return Array(lines.suffix(max(0, height))) }
        var whole = LogWindow.wrap(lines[focus], width: width)
        if whole.count > height {
            // Taller than the whole window: its last row ends with the ellipsis.
            whole = Array(whole.prefix(height))
            whole[height - 1] += [Span(String(repeating: " ", count: max(1, width)), .dim)]
        }
        if highlight {
            whole = whole.map { row in row.map { Span($0.text, $0.role, extra: $0.extra.union(.reverse)) } }
        }
        let room = height - whole.count
        let older = lines[max(0, focus - room)..<focus]
        var out = Array(older) + whole
        let after = height - out.count
        if after > 0 { out += lines[(focus + 1)..<min(lines.count, focus + 1 + after)] }
        return out
    }

    /// A line broken between words into rows of `width`, the rows after the
    /// first indented by two so they read as one entry.
    static func wrap(_ line: Line, width: Int) -> [Line] {
        guard line.displayWidth > width, width > 4 else { return [line] }
        let first = line.wrapped(width: width)
        guard first.count > 1 else { return first }
        // The first row as wide as the box; the rest re-wrapped two narrower.
        let head = first[0]
        let rest = Line(line.dropFirstColumns(head.displayWidth)).trimmingLeadingSpaces()
        return [head] + rest.wrapped(width: width - 2).map { [Span("  ")] + $0 }
    }
}

private extension Line {
    /// The line without its first `columns` display columns.
    func dropFirstColumns(_ columns: Int) -> Line {
        var left = columns
        var out: Line = []
        for span in self {
            if left <= 0 { out.append(span); continue }
            var text = Substring(span.text)
            while left > 0, let c = text.first {
                left -= CharacterWidth.of(c)
                text = text.dropFirst()
            }
            if !text.isEmpty { out.append(Span(String(text), span.role, extra: span.extra)) }
        }
        return out
    }

    func trimmingLeadingSpaces() -> Line {
        var out = self
        while let first = out.first {
            let trimmed = first.text.drop { $0 == " " }
            if trimmed.isEmpty { out.removeFirst(); continue }
            out[0].text = String(trimmed)
            break
        }
        return out
    }
}
