/// The difference between two grids as runs of changed cells, so a terminal
/// only redraws what changed.
public struct GridDiff: Sendable, Equatable {
    /// A horizontal run of cells starting at (x, y). Never starts on a
    /// continuation cell; a wide character's continuation is always included.
    public struct Run: Sendable, Equatable {
        public var x: Int
        public var y: Int
        public var cells: [Cell]
    }

    public var runs: [Run]
    /// True when the whole screen must be redrawn (no previous grid, or a new size).
    public var isFullRedraw: Bool

    /// Runs that turn `old` into `new`. A nil or differently sized `old` gives
    /// one run per row.
    public static func between(_ old: Grid?, _ new: Grid) -> GridDiff {
        guard let old, old.width == new.width, old.height == new.height else {
            let runs = (0..<new.height).map { row in
                Run(x: 0, y: row, cells: Array(new.cells[(row * new.width)..<((row + 1) * new.width)]))
            }
            return GridDiff(runs: runs, isFullRedraw: true)
        }
        var runs: [Run] = []
        let width = new.width
        for row in 0..<new.height {
            let base = row * width
            var column = 0
            while column < width {
                if old.cells[base + column] == new.cells[base + column] { column += 1; continue }
                var start = column
                if new.cells[base + start].isContinuation, start > 0 { start -= 1 }
                var end = column + 1
                while end < width, old.cells[base + end] != new.cells[base + end] { end += 1 }
                if end < width, new.cells[base + end].isContinuation { end += 1 }
                if let last = runs.last, last.y == row, last.x + last.cells.count >= start {
                    let from = last.x + last.cells.count
                    if from < end { runs[runs.count - 1].cells.append(contentsOf: new.cells[(base + from)..<(base + end)]) }
                } else {
                    runs.append(Run(x: start, y: row, cells: Array(new.cells[(base + start)..<(base + end)])))
                }
                column = end
            }
        }
        return GridDiff(runs: runs, isFullRedraw: false)
    }
}
