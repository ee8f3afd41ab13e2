/// Turns the small Markdown subset lessons use into `StyledLine`s: paragraphs
/// (lines joined until a blank line), `-`/`*`/`1.` list items (indented by two
/// spaces per level), `###` sub-headings, fenced code blocks, and inline
/// `*emphasis*`, `_emphasis_`, `**strong**` and `` `code` ``.
///
/// It never fails: text it does not recognise is shown as written.
public enum MarkdownRenderer {
    public static func render(_ lines: [String]) -> [StyledLine] {
        var output: [StyledLine] = []
        var paragraph: [String] = []
        var inCode = false

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            output.append(StyledLine(kind: .paragraph, spans: inline(paragraph.joined(separator: " "))))
            paragraph = []
        }
        func separate() {
            if let last = output.last, last.kind != .blank { output.append(.blank) }
        }

        for raw in lines {
            let trimmed = raw.trimmingSpaces
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flushParagraph()
                if inCode { inCode = false } else { separate(); inCode = true }
                continue
            }
            if inCode {
                output.append(StyledLine(kind: .code, spans: [StyledSpan(raw, .code)]))
                continue
            }
            if trimmed.isEmpty {
                flushParagraph()
                separate()
                continue
            }
            if trimmed.hasPrefix("#") {
                let text = trimmed.drop { $0 == "#" }.trimmingSpaces
                flushParagraph(); separate()
                output.append(StyledLine(kind: .heading, spans: inline(text)))
                continue
            }
            if let item = listItem(raw) {
                flushParagraph()
                output.append(StyledLine(kind: .item(marker: item.marker), indent: item.indent, spans: inline(item.text)))
                continue
            }
            if paragraph.isEmpty, let last = output.last, case .item = last.kind, raw.first == " " {
                // A continuation line of a list item.
                output[output.count - 1].spans += inline(" " + trimmed)
                continue
            }
            paragraph.append(trimmed)
        }
        flushParagraph()
        while output.last?.kind == .blank { output.removeLast() }
        while output.first?.kind == .blank { output.removeFirst() }
        return output
    }

    static func listItem(_ raw: String) -> (marker: String, indent: Int, text: String)? {
        let leading = raw.prefix { $0 == " " }.count
        let rest = raw.dropFirst(leading)
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") || rest.hasPrefix("+ ") {
            return ("•", leading / 2, String(rest.dropFirst(2)).trimmingSpaces)
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let after = rest.dropFirst(digits.count)
            if after.hasPrefix(". ") || after.hasPrefix(") ") {
                return ("\(digits).", leading / 2, String(after.dropFirst(2)).trimmingSpaces)
            }
        }
        return nil
    }

    /// Splits inline markup into spans. Unclosed markers are kept as text.
    public static func inline(_ text: String) -> [StyledSpan] {
        var spans: [StyledSpan] = []
        var plain = ""
        let chars = Array(text)
        var i = 0
        func emit(_ span: StyledSpan) {
            if !plain.isEmpty { spans.append(StyledSpan(plain)); plain = "" }
            spans.append(span)
        }
        func closing(_ marker: [Character], from start: Int) -> Int? {
            var j = start
            while j + marker.count <= chars.count {
                if Array(chars[j..<(j + marker.count)]) == marker, j > start { return j }
                j += 1
            }
            return nil
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, "*_`\\".contains(chars[i + 1]) {
                plain.append(chars[i + 1]); i += 2; continue
            }
            if c == "`", let end = closing(["`"], from: i + 1) {
                emit(StyledSpan(String(chars[(i + 1)..<end]), .code)); i = end + 1; continue
            }
            if c == "*", i + 1 < chars.count, chars[i + 1] == "*", let end = closing(["*", "*"], from: i + 2) {
                emit(StyledSpan(String(chars[(i + 2)..<end]), .strong)); i = end + 2; continue
            }
            let wordStart = i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber)
            if (c == "*" || c == "_"), wordStart, i + 1 < chars.count, !chars[i + 1].isWhitespace,
               let end = closing([c], from: i + 1), !chars[end - 1].isWhitespace {
                emit(StyledSpan(String(chars[(i + 1)..<end]), .emphasis)); i = end + 1; continue
            }
            plain.append(c); i += 1
        }
        if !plain.isEmpty { spans.append(StyledSpan(plain)) }
        return spans
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs. Index-based:
    /// building the result from a reversed-of-reversed view appended it one
    /// character at a time, which made loading the lessons take most of the
    /// time to the first frame.
    var trimmingSpaces: String {
        var start = startIndex
        var end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
        while start < end {
            let last = index(before: end)
            guard self[last] == " " || self[last] == "\t" else { break }
            end = last
        }
        return String(self[start..<end])
    }
}
