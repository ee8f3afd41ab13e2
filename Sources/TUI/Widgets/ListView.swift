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

    public func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard !area.isEmpty else { return }
        let offset = scrollOffset(height: area.height)
        let marker = String(context.glyphs.selected)
        for row in 0..<area.height {
            let index = offset + row
            guard index < items.count else { break }
            let isSelected = index == selected
            let prefix = Span(isSelected ? marker + " " : "  ", isSelected ? .marker : .text)
            TextBlock.drawLine([prefix] + items[index], x: area.x, y: area.y + row, width: area.width,
                               on: &grid, context: context)
            if isSelected {
                grid.restyle(Rect(x: area.x, y: area.y + row, width: area.width, height: 1)) { $0.with(.reverse) }
            }
            if index < tags.count {
                grid.regions.append(.init(rect: Rect(x: area.x, y: area.y + row, width: area.width, height: 1), tag: tags[index]))
            }
        }
        if items.count > area.height + offset, area.width > 0 {
            grid.set(x: area.maxX - 1, y: area.maxY - 1, Cell(context.glyphs.ellipsis, style: context.style(.dim)))
        }
    }
}
