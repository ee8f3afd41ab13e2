/// Program source with line numbers and, on each thread's current line, a
/// marker and the thread's name; scrolled to keep the focus line visible.
public struct SourceView: Sendable, Equatable {
    public struct Marker: Sendable, Equatable {
        public var line: Int
        public var label: String
        public var role: Role
        public var selected: Bool
        public init(line: Int, label: String, role: Role, selected: Bool = false) {
            self.line = line; self.label = label; self.role = role; self.selected = selected
        }
    }

    public var lines: [String]
    public var markers: [Marker]
    /// The 1-based line to keep in view (the selected thread's line).
    public var focusLine: Int?
    /// Lines scrolled from where the focus line would put the view (negative: up).
    public var scroll: Int

    public init(text: String, markers: [Marker], focusLine: Int?, scroll: Int = 0) {
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ")
        }
        if self.lines.last == "" { self.lines.removeLast() }
        self.markers = markers; self.focusLine = focusLine; self.scroll = scroll
    }

    /// The first line shown (0-based) for a height: the focus line a third
    /// of the way down, moved by `scroll`.
    public func firstVisible(height: Int) -> Int {
        guard height > 0, lines.count > height else { return 0 }
        // Scrolled from where the focus line puts the view, as drawn (near
        // the file's end that is the last page), so every notch moves it.
        let last = lines.count - height
        let base = min(max(0, focusLine.map { $0 - 1 - height / 3 } ?? 0), last)
        return min(max(0, base + scroll), last)
    }

    /// Lines above and below the view at this height (for a "more" note).
    public func hiddenLines(height: Int) -> (above: Int, below: Int) {
        let first = firstVisible(height: height)
        return (first, max(0, lines.count - first - height))
    }

    public func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard !area.isEmpty else { return }
        let numberWidth = max(3, String(lines.count).count)
        let first = firstVisible(height: area.height)
        for row in 0..<area.height {
            let index = first + row
            guard index < lines.count else { break }
            let lineNumber = index + 1
            let y = area.y + row
            let here = markers.filter { $0.line == lineNumber }
            let isFocus = lineNumber == focusLine
            let number = String(repeating: " ", count: max(0, numberWidth - String(lineNumber).count)) + String(lineNumber)
            var spans: Line = [Span(number, .lineNumber)]
            if let first = here.first {
                let selected = here.contains { $0.selected }
                spans.append(Span(String(selected ? context.glyphs.selected : context.glyphs.threadMarker), selected ? .marker : first.role))
            } else {
                spans.append(Span(" "))
            }
            spans.append(Span(" "))
            spans.append(Span(lines[index], isFocus ? .strong : .text))
            let tags = Self.tags(here, codeWidth: spans.displayWidth, numberWidth: numberWidth + 2, width: area.width)
            let tagWidth = tags.displayWidth
            let textRoom = max(0, area.width - (tagWidth > 0 ? tagWidth + 1 : 0))
            TextBlock.drawLine(spans, x: area.x, y: y, width: textRoom, on: &grid, context: context)
            if tagWidth > 0, tagWidth < area.width {
                grid.put(tags, x: area.maxX - tagWidth, y: y, maxWidth: tagWidth, context: context)
            }
            if isFocus {
                grid.restyle(Rect(x: area.x + numberWidth + 2, y: y, width: max(0, textRoom - numberWidth - 2), height: 1)) {
                    $0.with(.underline)
                }
            }
        }
    }

    /// The thread names shown after a line's code. When they would leave the
    /// code less than half the width after the line numbers (or less than it needs), they shrink to
    /// the selected thread's name and a count of the others, then to a count
    /// alone, so the code itself always stays readable.
    static func tags(_ here: [Marker], codeWidth: Int, numberWidth: Int, width: Int) -> Line {
        guard let lead = here.first(where: { $0.selected }) ?? here.first else { return [] }
        let codeNeeds = min(codeWidth, (width + numberWidth) / 2)
        func fits(_ tags: Line) -> Bool { width - (tags.displayWidth + 1) >= codeNeeds }
        let full: Line = here.flatMap { [Span(" "), Span($0.label, $0.role, extra: .reverse)] }
        if fits(full) || here.count == 1 { return full }
        let others = here.count - 1
        let named: Line = [Span(" "), Span(lead.label, lead.role, extra: .reverse), Span(" +\(others)", lead.role)]
        if fits(named) { return named }
        return [Span(" "), Span("\(here.count) threads", lead.role, extra: .reverse)]
    }
}
