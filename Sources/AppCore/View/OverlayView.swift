import TUI

/// Help, messages and the file prompt, drawn over the screen.
struct OverlayView {
    let overlay: Overlay
    /// The screen under the overlay: help lists its keys only.
    let screen: Screen

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        switch overlay {
        case .help:
            HelpOverlay.modal(for: screen, context: context).draw(in: area, on: &grid, context: context)
        case .message(let title, let lines):
            Modal(title: title, lines: lines.map { [Span($0, .text)] }, footer: [Span("q or Enter closes", .dim)])
                .draw(in: area, on: &grid, context: context)
        case .why(let state):
            WhyOverlay(state: state).draw(in: area, on: &grid, context: context)
        case .openFile(let path):
            let field = path + "_"
            let width = max(40, min(area.width - 8, CharacterWidth.of(field) + 2))
            let lines: [Line] = [
                [Span("Path of a C program (.c) to run in the Playground:", .text)],
                [Span(String(field.suffix(width)), .selection)],
            ]
            Modal(title: "Open a program", lines: lines, footer: [Span("Enter opens · Esc cancels", .dim)])
                .draw(in: area, on: &grid, context: context)
        }
    }
}
