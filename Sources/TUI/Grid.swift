/// A rectangle of cells that widgets draw into; the terminal shows one.
///
/// Invariants: `cells.count == width * height`; a cell of width 2 is always
/// followed in its row by a continuation cell, and a continuation cell always
/// follows a cell of width 2. Writes outside the grid are ignored.
public struct Grid: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Named areas (e.g. a thread's row) that a mouse click can be mapped to.
    public var regions: [Region]
    /// The focused item's position, for screen readers; nil leaves the cursor hidden.
    public var cursor: CursorPosition?

    /// A clickable area and what it stands for (a value of the app's type).
    public struct Region: Sendable, Equatable {
        public var rect: Rect
        public var tag: RegionTag
        public init(rect: Rect, tag: RegionTag) { self.rect = rect; self.tag = tag }
    }

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
        self.regions = []
    }

    public init(size: Size) { self.init(width: size.width, height: size.height) }

    public var size: Size { Size(width: width, height: height) }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// The innermost region containing a point, last added wins.
    public func region(atX x: Int, y: Int) -> Region? {
        regions.last { $0.rect.contains(x: x, y: y) }
    }

    /// Sets one cell, keeping wide characters whole: overwriting half of a
    /// wide character blanks its other half.
    public mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let index = y * width + x
        clearPartner(of: index, x: x)
        if cell.width == 2 {
            guard x + 1 < width else {
                cells[index] = Cell(scalar: " ", style: cell.style)
                return
            }
            clearPartner(of: index + 1, x: x + 1)
            cells[index] = cell
            cells[index + 1] = .continuation(style: cell.style)
        } else {
            cells[index] = cell.width == 0 ? Cell(scalar: " ", style: cell.style) : cell
        }
    }

    private mutating func clearPartner(of index: Int, x: Int) {
        let old = cells[index]
        if old.width == 2, x + 1 < width {
            cells[index + 1] = Cell(scalar: " ", style: cells[index + 1].style)
        } else if old.width == 0, x > 0 {
            cells[index - 1] = Cell(scalar: " ", style: cells[index - 1].style)
        }
    }

    /// Fills a rectangle (clipped to the grid) with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX { set(x: column, y: row, cell) }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping the characters.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                let index = row * width + column
                cells[index].style = transform(cells[index].style)
            }
        }
    }

    /// Writes text starting at (x, y), never past `x + maxWidth` nor the grid's
    /// edge. Control characters become `?`. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int = .max) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth == .max ? width : x + max(0, maxWidth))
        // Fast path: printable ASCII is one cell per byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            var column = x
            for byte in text.utf8 {
                guard column < limit else { break }
                if column >= 0 { set(x: column, y: y, Cell(scalar: Unicode.Scalar(byte), style: style)) }
                column += 1
            }
            return max(0, column - x)
        }
        var column = x
        for character in text {
            var shown = character
            var w = CharacterWidth.of(character)
            if w == 0 {
                if character.unicodeScalars.first.map({ $0.value < 0x20 || $0.value == 0x7F }) ?? false {
                    shown = "?"; w = 1
                } else {
                    continue
                }
            }
            if column + w > limit {
                if w == 2, column < limit, column >= 0 { set(x: column, y: y, Cell(" ", style: style)); column += 1 }
                break
            }
            if column >= 0 { set(x: column, y: y, Cell(shown, style: style, width: UInt8(w))) }
            column += w
        }
        return max(0, column - x)
    }

    /// Writes a line of spans; returns the columns written.
    @discardableResult
    public mutating func put(_ line: Line, x: Int, y: Int, maxWidth: Int, context: DrawContext) -> Int {
        var used = 0
        for span in line {
            guard used < maxWidth else { break }
            let style = context.style(span.role).with(span.extra)
            // In ASCII mode nothing outside ASCII reaches the terminal, whoever made the text.
            let text = context.glyphs.isASCII ? ASCIIText.of(span.text) : span.text
            used += put(text, x: x + used, y: y, style: style, maxWidth: maxWidth - used)
        }
        return used
    }
}
