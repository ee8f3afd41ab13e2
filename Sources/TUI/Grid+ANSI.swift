/// A grid as the escape sequences a terminal (or asciinema's player) draws it
/// with: the screen cleared, then each row from its first column, styles as
/// ANSI SGR codes (the 16 colours, bold, dim, underline, reverse).
extension Grid {
    public func ansiFrame() -> String {
        var out = "\u{1B}[0m\u{1B}[H\u{1B}[2J"
        for row in 0..<height {
            out += "\u{1B}[\(row + 1);1H"
            var current = Style.plain
            for column in 0..<width {
                let cell = self[column, row]
                if cell.isContinuation { continue }
                if cell.style != current {
                    out += Self.sgr(cell.style)
                    current = cell.style
                }
                out.append(cell.character)
            }
            if current != .plain { out += "\u{1B}[0m" }
        }
        return out
    }

    /// The one SGR sequence that sets exactly `style` (reset first).
    static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if style.foreground != .default {
            let index = style.foreground.ansiIndex
            codes.append(String(index < 8 ? 30 + index : 90 + index - 8))
        }
        if style.background != .default {
            let index = style.background.ansiIndex
            codes.append(String(index < 8 ? 40 + index : 100 + index - 8))
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
