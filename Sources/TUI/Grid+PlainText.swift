/// Grids as plain text, for golden tests and for non-terminal output.
extension Grid {
    /// One string per row; continuation cells are skipped and trailing spaces
    /// removed, so a golden file is the screen exactly as a reader sees it.
    public func plainLines() -> [String] {
        (0..<height).map { row in
            var line = ""
            line.reserveCapacity(width)
            for column in 0..<width {
                let cell = cells[row * width + column]
                if !cell.isContinuation { line.append(cell.character) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The whole grid as text, rows separated by newlines, ending with one.
    public func plainText() -> String {
        plainLines().joined(separator: "\n") + "\n"
    }
}
