/// Measuring and flattening a line of spans.
extension Array where Element == Span {
    /// Columns the line takes on screen.
    public var displayWidth: Int { reduce(0) { $0 + CharacterWidth.of($1.text) } }
    public var plainText: String { map(\.text).joined() }
}

extension Array where Element == Span {
    /// The line broken into rows of at most `width` columns, after a space
    /// where there is one, each span keeping its role; a word longer than a
    /// row is cut.
    public func wrapped(width: Int) -> [[Span]] {
        let width = Swift.max(1, width)
        guard displayWidth > width else { return [self] }
        // Characters with their span's role and extra styling.
        let characters: [(Character, Span)] = flatMap { span in span.text.map { ($0, span) } }
        var rows: [[Span]] = []
        var start = 0
        while start < characters.count {
            var end = start, used = 0, lastSpace: Int?
            while end < characters.count {
                let w = CharacterWidth.of(characters[end].0)
                if used + w > width { break }
                if characters[end].0 == " " { lastSpace = end }
                used += w
                end += 1
            }
            if end < characters.count, let space = lastSpace, space > start { end = space + 1 }
            if end == start { end = start + 1 }
            var row: [Span] = []
            for (character, span) in characters[start..<end] {
                if let last = row.last, last.role == span.role, last.extra == span.extra {
                    row[row.count - 1].text.append(character)
                } else {
                    var piece = span
                    piece.text = String(character)
                    row.append(piece)
                }
            }
            // A row does not end with the space it was broken at.
            if let last = row.last, last.text.hasSuffix(" "), end < characters.count {
                row[row.count - 1].text.removeLast()
            }
            rows.append(row)
            start = end
        }
        return rows
    }
}
