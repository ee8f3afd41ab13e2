/// Splitting rectangles: the whole layout system is these few functions.
extension Rect {
    /// Cuts `count` rows off the top; returns (top, rest).
    public func splitTop(_ count: Int) -> (Rect, Rect) {
        let n = min(max(0, count), height)
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }

    /// Cuts `count` rows off the bottom; returns (rest, bottom).
    public func splitBottom(_ count: Int) -> (Rect, Rect) {
        let n = min(max(0, count), height)
        return (Rect(x: x, y: y, width: width, height: height - n), Rect(x: x, y: maxY - n, width: width, height: n))
    }

    /// Cuts `count` columns off the left; returns (left, rest).
    public func splitLeft(_ count: Int) -> (Rect, Rect) {
        let n = min(max(0, count), width)
        return (Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height))
    }

    /// Cuts `count` columns off the right; returns (rest, right).
    public func splitRight(_ count: Int) -> (Rect, Rect) {
        let n = min(max(0, count), width)
        return (Rect(x: x, y: y, width: width - n, height: height), Rect(x: maxX - n, y: y, width: n, height: height))
    }

    /// `count` columns of (nearly) equal width; the first ones get the spare columns.
    public func columns(_ count: Int) -> [Rect] {
        guard count > 0 else { return [] }
        let base = width / count, extra = width % count
        var result: [Rect] = []
        var left = x
        for index in 0..<count {
            let w = base + (index < extra ? 1 : 0)
            result.append(Rect(x: left, y: y, width: w, height: height))
            left += w
        }
        return result
    }

    /// `count` rows of (nearly) equal height; the first ones get the spare rows.
    public func rows(_ count: Int) -> [Rect] {
        guard count > 0 else { return [] }
        let base = height / count, extra = height % count
        var result: [Rect] = []
        var top = y
        for index in 0..<count {
            let h = base + (index < extra ? 1 : 0)
            result.append(Rect(x: x, y: top, width: width, height: h))
            top += h
        }
        return result
    }

    /// Four rectangles in reading order: top-left, top-right, bottom-left, bottom-right.
    public func quadrants() -> [Rect] {
        rows(2).flatMap { $0.columns(2) }
    }

    /// Splits by a fraction of the width (0...1) for the left part.
    public func splitHorizontally(fraction: Double) -> (Rect, Rect) {
        splitLeft(Int((Double(width) * min(max(fraction, 0), 1)).rounded()))
    }

    /// Splits by a fraction of the height (0...1) for the top part.
    public func splitVertically(fraction: Double) -> (Rect, Rect) {
        splitTop(Int((Double(height) * min(max(fraction, 0), 1)).rounded()))
    }
}
