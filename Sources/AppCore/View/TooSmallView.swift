import TUI

/// Shown instead of any screen when the terminal is below 80×24.
enum TooSmallView {
    static func draw(size: Size, on grid: inout Grid, context: DrawContext) {
        let lines = [
            "Enlarge the terminal",
            "(need \(AppState.minimumSize.width)x\(AppState.minimumSize.height), have \(size.width)x\(size.height))",
            "q quits",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (index, text) in lines.enumerated() {
            let w = CharacterWidth.of(text)
            let x = max(0, (size.width - w) / 2)
            grid.put(text, x: x, y: top + index, style: context.style(index == 0 ? .notice : .text), maxWidth: size.width - x)
        }
    }
}
