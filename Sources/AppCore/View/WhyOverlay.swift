import SimKernel
import TUI

/// The "Why" overlay: a thread's last wake and what caused it, one link a
/// line, newest first, each with its virtual time and source line.
struct WhyOverlay {
    let state: WhyState

    static func time(_ us: UInt64) -> String {
        "\(us / 1000).\(String(repeating: "0", count: 3 - String(us % 1000).count))\(us % 1000) ms"
    }

    var lines: [Line] {
        guard !state.links.isEmpty else {
            return [[Span("No causes recorded for \(state.subject): this run keeps no event log.", .dim)]]
        }
        let timeWidth = state.links.map { Self.time($0.time).count }.max() ?? 0
        return state.links.enumerated().map { index, link in
            let chosen = index == state.selected
            let time = Self.time(link.time)
            var line: Line = [
                Span(chosen ? ">" : " ", chosen ? .marker : .dim),
                Span(index == 0 ? "  " : "← ", .dim),
                Span(String(repeating: " ", count: timeWidth - time.count) + time + "  ", .dim),
                Span(link.text, chosen ? .selection : .text),
            ]
            if let at = link.location, !link.text.contains("line \(at.line)") {
                line.append(Span(" (line \(at.line))", .dim))
            }
            return line
        }
    }

    func draw(in area: Rect, on grid: inout Grid, context: DrawContext) {
        Modal(title: "Why", lines: lines, footer: [Span("j/k choose · Enter steps back to it · q closes", .dim)])
            .draw(in: area, on: &grid, context: context)
    }
}
