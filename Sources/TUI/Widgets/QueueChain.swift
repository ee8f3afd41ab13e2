/// A queue drawn as a chain of slots, oldest first: `[pkt]→[pkt]→[ ]`.
///
/// The trailing empty slot shows where the next item goes. When the items do
/// not fit, the chain ends with `+N` for the hidden ones.
public struct QueueChain: Sendable, Equatable {
    public var items: [String]
    public var itemRole: Role
    public var showsEmptySlot: Bool

    public init(items: [String], itemRole: Role = .packet, showsEmptySlot: Bool = true) {
        self.items = items; self.itemRole = itemRole; self.showsEmptySlot = showsEmptySlot
    }

    /// The chain as a line no wider than `width`.
    public func line(width: Int, context: DrawContext) -> Line {
        let arrow = context.glyphs.arrow
        var spans: Line = []
        var used = 0
        let empty = "[ ]"
        for (index, item) in items.enumerated() {
            let slot = "[\(item)]"
            let link = index == 0 ? "" : arrow
            let remaining = items.count - index - 1
            let tailReserve = remaining > 0 ? CharacterWidth.of(arrow) + 1 + String(items.count).count + 1 : 0
            let need = CharacterWidth.of(link) + CharacterWidth.of(slot)
            if used + need + tailReserve > width {
                let more = "\(link)+\(items.count - index)"
                if used + CharacterWidth.of(more) <= width { spans.append(Span(more, .dim)) }
                return spans
            }
            if !link.isEmpty { spans.append(Span(link, .dim)) }
            spans.append(Span(slot, itemRole))
            used += need
        }
        if showsEmptySlot {
            let link = items.isEmpty ? "" : arrow
            if used + CharacterWidth.of(link) + empty.count <= width {
                if !link.isEmpty { spans.append(Span(link, .dim)) }
                spans.append(Span(empty, .emptySlot))
            }
        }
        return spans
    }

    public func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        guard !area.isEmpty else { return }
        grid.put(line(width: area.width, context: context), x: area.x, y: area.y, maxWidth: area.width, context: context)
    }
}
