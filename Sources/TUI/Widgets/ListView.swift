/// A vertical list with one selected row, scrolled so the selection is visible.
public struct ListView: Sendable, Equatable {
    public var items: [Line]
    public var selected: Int?
    /// Region tags, one per item (same order), for mouse selection.
    public var tags: [RegionTag]

    public init(items: [Line], selected: Int? = nil, tags: [RegionTag] = []) {
        self.items = items; self.selected = selected; self.tags = tags
    }

    /// The first visible item for a given height.
    public func scrollOffset(height: Int) -> Int {
        guard let selected, height > 0, items.count > height else { return 0 }
        return min(max(0, selected - height + 1), items.count - height)
    }

    /// The rows given to items, the first item shown and how many are
    /// hidden above and below. With three rows or more, a row above or below
    /// the items says how many more there are ("↑ 2 more", "↓ 1 more").
    public func window(height: Int) -> (rows: Int, offset: Int, above: Int, below: Int) {
        guard height > 0, items.count > height else { return (max(0, height), 0, 0, 0) }
        guard height >= 3 else {
            let offset = scrollOffset(height: height)
            return (height, offset, 0, 0)
        }
        var rows = height - 1
        var offset = scrollOffset(height: rows)
        if offset > 0 && offset + rows < items.count {
            rows = height - 2
            offset = scrollOffset(height: rows)
        }
        return (rows, offset, offset, max(0, items.count - offset - rows))
    }

    public func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard !area.isEmpty else { return }
        let window = window(height: area.height)
        let firstRow = window.above > 0 ? 1 : 0
        let marker = String(context.glyphs.selected)
        let g = context.glyphs
        if window.above > 0 {
            grid.put("  " + (g.isASCII ? "^" : "↑") + " \(window.above) more", x: area.x, y: area.y,
                     style: context.style(.dim), maxWidth: area.width)
        }
        for row in 0..<window.rows {
            let index = window.offset + row
            guard index < items.count else { break }
            let y = area.y + firstRow + row
            let isSelected = index == selected
            let prefix = Span(isSelected ? marker + " " : "  ", isSelected ? .marker : .text)
            TextBlock.drawLine([prefix] + items[index], x: area.x, y: y, width: area.width,
                               on: &grid, context: context)
            if isSelected {
                grid.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { $0.with(.reverse) }
            }
            if index < tags.count {
                grid.regions.append(.init(rect: Rect(x: area.x, y: y, width: area.width, height: 1), tag: tags[index]))
            }
        }
        if window.below > 0 {
            grid.put("  " + (g.isASCII ? "v" : "↓") + " \(window.below) more", x: area.x, y: area.y + firstRow + window.rows,
                     style: context.style(.dim), maxWidth: area.width)
        } else if items.count > window.rows + window.offset, area.width > 0 {
            // Too short for a row of its own: an ellipsis in the corner.
            grid.set(x: area.maxX - 1, y: area.maxY - 1, Cell(context.glyphs.ellipsis, style: context.style(.dim)))
        }
    }
}
