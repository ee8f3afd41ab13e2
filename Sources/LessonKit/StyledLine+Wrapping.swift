extension StyledLine {
    /// The line broken into rows of at most `width` characters, at spaces
    /// where possible, keeping each span's style. List items indent their
    /// continuation rows under the text; code lines are cut, not wrapped at words.
    public func wrapped(width: Int) -> [[StyledSpan]] {
        let width = max(width, 1)
        var prefix = ""
        switch kind {
        case .blank: return [[]]
        case .item(let marker): prefix = String(repeating: "  ", count: max(indent, 0)) + marker + " "
        case .paragraph, .heading, .code: break
        }
        if prefix.count >= width { prefix = "" }
        let hanging = String(repeating: " ", count: prefix.count)
        let room = width - prefix.count

        // Words with their style; a word never mixes styles.
        var words: [(text: String, style: StyledSpan.Style, spaceBefore: Bool)] = []
        var pendingSpace = false
        for span in spans {
            if kind == .code {
                words.append((span.text, span.style, false)); continue
            }
            var current = ""
            for ch in span.text {
                if ch == " " {
                    if !current.isEmpty { words.append((current, span.style, pendingSpace)); current = "" }
                    pendingSpace = true
                } else {
                    if current.isEmpty && words.isEmpty { pendingSpace = false }
                    current.append(ch)
                }
            }
            if !current.isEmpty { words.append((current, span.style, pendingSpace)); pendingSpace = false }
        }

        var rows: [[StyledSpan]] = []
        var row: [StyledSpan] = []
        var used = 0
        func append(_ text: String, _ style: StyledSpan.Style) {
            if let last = row.last, last.style == style { row[row.count - 1].text += text } else { row.append(StyledSpan(text, style)) }
            used += text.count
        }
        func newRow() {
            rows.append(row); row = []; used = 0
        }
        for word in words {
            var text = Substring(word.text)
            let space = word.spaceBefore && used > 0
            if used > 0 && used + (space ? 1 : 0) + text.count > room { newRow() }
            if space && used > 0 { append(" ", .plain) }
            while text.count > room - used {
                // A word longer than the row is cut.
                let cut = room - used
                append(String(text.prefix(cut)), word.style)
                text = text.dropFirst(cut)
                newRow()
            }
            if !text.isEmpty { append(String(text), word.style) }
        }
        rows.append(row)
        return rows.enumerated().map { index, spans in
            let lead = index == 0 ? prefix : hanging
            return lead.isEmpty ? spans : [StyledSpan(lead)] + spans
        }
    }
}
