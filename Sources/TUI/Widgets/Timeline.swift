/// Thread states over virtual time: one row per thread, one column per time
/// slice, each cell the state's letter (so colour is never the only cue).
public struct Timeline: Sendable, Equatable {
    /// A state change: from `time` on, the thread shows `letter` in `role`.
    public struct Change: Sendable, Equatable {
        public var time: UInt64
        public var letter: Character
        public var role: Role
        public init(time: UInt64, letter: Character, role: Role) {
            self.time = time; self.letter = letter; self.role = role
        }
    }

    public struct Track: Sendable, Equatable {
        public var label: String
        /// Changes in time order.
        public var changes: [Change]
        public var selected: Bool
        public init(label: String, changes: [Change], selected: Bool = false) {
            self.label = label; self.changes = changes; self.selected = selected
        }
    }

    public var tracks: [Track]
    public var start: UInt64
    public var end: UInt64
    /// A time to mark with a vertical line of marker glyphs (e.g. divergence).
    public var markTime: UInt64?

    public init(tracks: [Track], start: UInt64 = 0, end: UInt64, markTime: UInt64? = nil) {
        self.tracks = tracks; self.start = start; self.end = end; self.markTime = markTime
    }

    /// The tracks shown in `height` rows: from the first, or slid down so
    /// the selected track is always among them.
    public func visibleRange(height: Int) -> Range<Int> {
        guard tracks.count > height, height > 0 else { return 0..<min(tracks.count, max(0, height)) }
        let selected = tracks.firstIndex { $0.selected } ?? 0
        let first = min(max(0, selected - height + 1), tracks.count - height)
        return first..<(first + height)
    }

    /// The tracks drawn in `height` rows and how many are hidden above and
    /// below. With three rows or more, a hidden part takes a row of its own
    /// that says how many tracks it holds ("↑ 2 more"), as lists do.
    public func window(height: Int) -> (tracks: Range<Int>, above: Int, below: Int) {
        guard tracks.count > height, height >= 3 else {
            let visible = visibleRange(height: height)
            return (visible, 0, 0)
        }
        var visible = visibleRange(height: height - 1)
        if visible.lowerBound > 0 && visible.upperBound < tracks.count {
            visible = visibleRange(height: height - 2)
        }
        return (visible, visible.lowerBound, tracks.count - visible.upperBound)
    }

    public func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard !area.isEmpty else { return }
        let window = window(height: area.height)
        let visible = window.tracks
        let g = context.glyphs
        if window.above > 0 {
            grid.put((g.isASCII ? "^" : "\u{2191}") + " \(window.above) more", x: area.x, y: area.y,
                     style: context.style(.dim), maxWidth: area.width)
        }
        let top = area.y + (window.above > 0 ? 1 : 0)
        let labelWidth = min(11, max(3, (tracks.map { CharacterWidth.of($0.label) }.max() ?? 3) + 1))
        let columns = max(0, area.width - labelWidth)
        let span = max(1, end &- start)
        // No time has passed: only the first column has a state to show;
        // the rest stays blank rather than claim a future.
        let drawn = end > start ? columns : min(1, columns)
        for (row, track) in tracks[visible].enumerated() {
            let y = top + row
            grid.put(track.label, x: area.x, y: y, style: context.style(track.selected ? .marker : .dim), maxWidth: labelWidth - 1)
            guard columns > 0 else { continue }
            var changeIndex = 0
            var letter: Character = " "
            var role = Role.dim
            for column in 0..<drawn {
                // The state at the end of this column's slice of time.
                let fraction = Double(column + 1) / Double(columns)
                let sliceEnd = column + 1 >= columns ? start &+ span : start &+ UInt64(Double(span) * fraction)
                while changeIndex < track.changes.count, track.changes[changeIndex].time <= sliceEnd {
                    letter = track.changes[changeIndex].letter
                    role = track.changes[changeIndex].role
                    changeIndex += 1
                }
                let x = area.x + labelWidth + column
                grid.set(x: x, y: y, Cell(letter, style: context.style(role)))
            }
        }
        if let markTime, markTime >= start, columns > 0, end > start {
            let column = Int(min(Double(columns - 1), Double(markTime - start) / Double(span) * Double(columns)))
            let x = area.x + labelWidth + column
            for row in 0..<visible.count {
                grid.restyle(Rect(x: x, y: top + row, width: 1, height: 1)) { _ in context.style(.divergence).with(.underline) }
            }
        }
        if window.below > 0 {
            grid.put((g.isASCII ? "v" : "\u{2193}") + " \(window.below) more", x: area.x, y: area.maxY - 1,
                     style: context.style(.dim), maxWidth: area.width)
        } else if visible.upperBound < tracks.count || visible.lowerBound > 0, area.width > 0 {
            // Too short for a row of its own: an ellipsis in the corner.
            grid.set(x: area.maxX - 1, y: area.maxY - 1, Cell(g.ellipsis, style: context.style(.dim)))
        }
    }
}
