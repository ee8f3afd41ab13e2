import Foundation

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

        // Words with their style; a word never mixes styles. A code span is
        // one word, spaces and all: it is broken only when it alone is
        // longer than a row.
        var words: [(text: String, style: StyledSpan.Style, spaceBefore: Bool)] = []
        var pendingSpace = false
        for span in spans {
            if kind == .code {
                words.append((span.text, span.style, false)); continue
            }
            if span.style == .code, kind != .heading {
                let text = span.text
                if text.first == " " { pendingSpace = true }
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { words.append((trimmed, .code, pendingSpace && !words.isEmpty)) }
                pendingSpace = text.last == " "
                continue
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
        /// Places a word that may be longer than a row: a long code span
        /// breaks at its spaces, else after punctuation, else where it must.
        func place(_ word: (text: String, style: StyledSpan.Style, spaceBefore: Bool)) {
            var text = Substring(word.text)
            while text.count > room - used {
                var cut = room - used
                if cut <= 0 { newRow(); continue }
                let head = text.prefix(cut)
                if let breakAt = head.lastIndex(where: { $0 == " " || $0 == "," || $0 == "(" }), breakAt > head.startIndex {
                    cut = head.distance(from: head.startIndex, to: breakAt) + 1
                }
                append(String(text.prefix(cut)), word.style)
                text = text.dropFirst(cut)
                while text.first == " " { text = text.dropFirst() }
                newRow()
            }
            if !text.isEmpty { append(String(text), word.style) }
        }
        // Words written together ("`WaitForSingleObject`," or "(`x`)") stay on one row.
        var index = 0
        while index < words.count {
            var end = index + 1
            while end < words.count, !words[end].spaceBefore { end += 1 }
            let unit = words[index..<end]
            let length = unit.reduce(0) { $0 + $1.text.count }
            let space = unit.first!.spaceBefore && used > 0
            if used > 0 && used + (space ? 1 : 0) + length > room { newRow() }
            if space && used > 0 { append(" ", .plain) }
            for word in unit { place(word) }
            index = end
        }
        rows.append(row)
        return rows.enumerated().map { index, spans in
            let lead = index == 0 ? prefix : hanging
            return lead.isEmpty ? spans : [StyledSpan(lead)] + spans
        }
    }
}
